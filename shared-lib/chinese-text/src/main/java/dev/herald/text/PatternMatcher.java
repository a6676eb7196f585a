package dev.herald.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of many patterns in one pass over a text (Aho-Corasick). Patterns and text
 * are matched as they are: fold both with {@link FoldedText} first to match the way people write.
 * Immutable once built, so a new lexicon is a new matcher swapped in whole.
 */
public final class PatternMatcher {

    public record Match(int start, int end, String pattern) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        final List<String> outputs = new ArrayList<>();
    }

    private final Node root = new Node();
    private final int size;

    public PatternMatcher(Collection<String> patterns) {
        int count = 0;
        for (String pattern : patterns) {
            if (pattern == null || pattern.isEmpty()) {
                continue;
            }
            Node node = root;
            for (char c : pattern.toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node());
            }
            if (!node.outputs.contains(pattern)) {
                node.outputs.add(pattern);
                count++;
            }
        }
        size = count;
        linkFailures();
    }

    private void linkFailures() {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Map.Entry<Character, Node> edge : node.next.entrySet()) {
                Node child = edge.getValue();
                Node fail = node.fail;
                while (fail != null && !fail.next.containsKey(edge.getKey())) {
                    fail = fail.fail;
                }
                child.fail = fail == null ? root : fail.next.get(edge.getKey());
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
    }

    public int size() {
        return size;
    }

    public List<Match> findAll(String text) {
        List<Match> matches = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            // one boxed key and one lookup per state visited: this loop is most of the cost of a lexicon pass
            Character c = text.charAt(i);
            Node next;
            while ((next = node.next.get(c)) == null && node != root) {
                node = node.fail;
            }
            node = next == null ? root : next;
            for (String pattern : node.outputs) {
                matches.add(new Match(i + 1 - pattern.length(), i + 1, pattern));
            }
        }
        return matches;
    }
}
