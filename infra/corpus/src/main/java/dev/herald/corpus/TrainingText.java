package dev.herald.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paragraphs the text model learns from: the three real reports with their names replaced by slots
 * (real/entities.tsv) and their ASCII punctuation made Chinese, and the seed passages written for the
 * generator, whose slots are already in braces.
 */
final class TrainingText {

    static final List<String> REAL_TEXTS = List.of("real/nanning.txt", "real/chaoyang.txt", "real/guizhou.txt");

    private static final Pattern DATE = Pattern.compile("(\\d{4}年)?\\d{1,2}月\\d{1,2}日");
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final Map<Character, Character> FULL_WIDTH = Map.of(
            ',', '，', ';', '；', ':', '：', '!', '！', '?', '？', '(', '（', ')', '）', '<', '〈', '>', '〉');

    private TrainingText() {
    }

    static List<String> paragraphs() {
        List<String[]> replacements = entityReplacements();
        List<String> paragraphs = new ArrayList<>();
        for (String name : REAL_TEXTS) {
            for (String line : Resources.dataLines(name)) {
                paragraphs.add(markSlots(punctuate(delexicalise(line, replacements))));
            }
        }
        for (String line : Resources.dataLines("seed/passages.txt")) {
            paragraphs.add(markSlots(line.strip()));
        }
        return paragraphs;
    }

    static String delexicalise(String line, List<String[]> replacements) {
        String text = line;
        for (String[] replacement : replacements) {
            text = text.replace(replacement[0], replacement[1]);
        }
        return DATE.matcher(text).replaceAll("{date}");
    }

    /** The real reports' names and what stands in for them, longest first so that no name is cut in two. */
    static List<String[]> entityReplacements() {
        return Resources.dataLines("real/entities.tsv").stream()
                .map(line -> line.split("\t"))
                .sorted(Comparator.comparingInt((String[] pair) -> pair[0].length()).reversed())
                .toList();
    }

    private static String punctuate(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\u3000') {
                continue;  // the pages' stray spaces, which Chinese prose does not have
            }
            out.append(FULL_WIDTH.getOrDefault(c, c));
        }
        return out.toString();
    }

    private static String markSlots(String line) {
        Matcher slot = SLOT.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (slot.find()) {
            slot.appendReplacement(out, Character.toString(Slot.named(slot.group(1)).marker()));
        }
        return slot.appendTail(out).toString();
    }
}
