package dev.herald.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A character n-gram model of the training paragraphs, kept as the training text itself: every position
 * knows the group of positions that follow the same {@code order} characters, so the next character is
 * drawn by jumping to a random member of the group and reading the character after it. That draws with the
 * n-gram's observed probability at the cost of one random number and two array reads, which is what makes
 * a hundred thousand reports cheap.
 */
final class TextModel {

    /** Ends every paragraph in the text; drawing it ends the generated paragraph. */
    private static final int PARAGRAPH_END = 0xE0FF;

    private final int order;
    private final int[] text;
    private final int[] groupOf;
    private final int[][] groups;
    private final int[] paragraphStarts;

    private TextModel(int order, int[] text, int[] groupOf, int[][] groups, int[] paragraphStarts) {
        this.order = order;
        this.text = text;
        this.groupOf = groupOf;
        this.groups = groups;
        this.paragraphStarts = paragraphStarts;
    }

    static TextModel train(List<String> paragraphs, int order) {
        List<Integer> codePoints = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph.codePointCount(0, paragraph.length()) <= order) {
                continue;  // too short to start from
            }
            starts.add(codePoints.size());
            paragraph.codePoints().forEach(codePoints::add);
            codePoints.add(PARAGRAPH_END);
        }
        int[] text = codePoints.stream().mapToInt(Integer::intValue).toArray();
        int[] groupOf = new int[text.length];
        Map<String, List<Integer>> members = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int end = order - 1; end < text.length - 1; end++) {
            if (text[end] == PARAGRAPH_END) {
                continue;
            }
            String context = new String(text, end - order + 1, order);
            ids.computeIfAbsent(context, key -> ids.size());
            groupOf[end] = ids.get(context);
            members.computeIfAbsent(context, key -> new ArrayList<>()).add(end);
        }
        int[][] groups = new int[ids.size()][];
        ids.forEach((context, id) -> groups[id] = members.get(context).stream().mapToInt(Integer::intValue).toArray());
        return new TextModel(order, text, groupOf, groups, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Appends one paragraph: it begins where a training paragraph begins and ends where the model ends one,
     * or at the first full stop after {@code softLimit} characters, or at {@code hardLimit}.
     */
    void paragraph(SplittableRandom random, SlotFiller slots, StringBuilder out, int softLimit, int hardLimit) {
        int start = paragraphStarts[random.nextInt(paragraphStarts.length)];
        int begin = out.length();
        for (int i = start; i < start + order; i++) {
            emit(text[i], slots, out);
        }
        int at = start + order - 1;
        while (true) {
            int[] group = groups[groupOf[at]];
            int from = group.length == 1 ? group[0] : group[random.nextInt(group.length)];
            int next = text[from + 1];
            if (next == PARAGRAPH_END) {
                return;
            }
            emit(next, slots, out);
            at = from + 1;
            int written = out.length() - begin;
            if (written >= hardLimit || written >= softLimit && next == '。') {
                return;
            }
        }
    }

    /** Every character the model can produce outside its slots: for telling which text it learned from. */
    String trainingText() {
        StringBuilder out = new StringBuilder(text.length);
        for (int c : text) {
            out.appendCodePoint(c == PARAGRAPH_END ? '\n' : c);
        }
        return out.toString();
    }

    private static void emit(int codePoint, SlotFiller slots, StringBuilder out) {
        if (Slot.isMarker(codePoint)) {
            out.append(slots.fill(Slot.ofMarker(codePoint)));
        } else if (Character.isBmpCodePoint(codePoint)) {
            out.append((char) codePoint);
        } else {
            out.appendCodePoint(codePoint);
        }
    }

    /** What stands in a slot, chosen by the report being written. */
    @FunctionalInterface
    interface SlotFiller {
        String fill(Slot slot);
    }
}
