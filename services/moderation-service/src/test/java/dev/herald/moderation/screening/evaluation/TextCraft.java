package dev.herald.moderation.screening.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cutting and joining report text, and the random choices the generator makes, all from one seeded source. */
final class TextCraft {

    private static final String SENTENCE_ENDS = "。！？!?";
    private static final String CLOSING = "”’」』）)";
    static final List<String> NAMES = List.of("王晓燕", "李建军", "陈思远", "赵红梅", "孙立新", "周文静", "吴国强", "郑晓琳",
            "冯志刚", "何丽娟", "罗永平", "梁雪芳");

    private TextCraft() {
    }

    static List<String> paragraphs(String body) {
        return new ArrayList<>(List.of(body.split("\n\n")));
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** Sentences with their end punctuation and any closing quote after it; a last piece without one counts too. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            while (i + 1 < text.length() && (SENTENCE_ENDS.indexOf(text.charAt(i + 1)) >= 0 || CLOSING.indexOf(text.charAt(i + 1)) >= 0)) {
                i++;
            }
            sentences.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            sentences.add(text.substring(start));
        }
        return sentences;
    }

    /** ASCII letters, digits and signs in their full-width forms, as spam writes contacts to slip past filters. */
    static String wide(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            out.append(c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xff01) : c);
        }
        return out.toString();
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder().append(1 + random.nextInt(9));
        while (out.length() < count) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    static String letters(Random random, int count) {
        String alphabet = "abcdefghjkmnpqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        while (out.length() < count) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** The sources in a seeded order, repeated when more are needed than there are. */
    static List<EvaluationCase> take(List<EvaluationCase> sources, int count, Random random) {
        List<EvaluationCase> shuffled = new ArrayList<>(sources);
        java.util.Collections.shuffle(shuffled, random);
        List<EvaluationCase> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(shuffled.get(i % shuffled.size()));
        }
        return taken;
    }
}
