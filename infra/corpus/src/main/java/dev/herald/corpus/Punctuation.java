package dev.herald.corpus;

/**
 * Paired marks in generated text: the model sees only three characters back, so it opens quotes it never
 * closes and closes quotes it never opened. Each paragraph keeps only the marks that pair up.
 */
final class Punctuation {

    private static final String OPENING = "“《（〈";
    private static final String CLOSING = "”》）〉";

    private Punctuation() {
    }

    static void balance(StringBuilder text, int from) {
        int[] openAt = new int[text.length() - from];
        int open = 0;
        StringBuilder kept = new StringBuilder(text.length() - from);
        boolean changed = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            int closing = CLOSING.indexOf(c);
            if (OPENING.indexOf(c) >= 0) {
                openAt[open++] = kept.length();
            } else if (closing >= 0) {
                if (open == 0 || kept.charAt(openAt[open - 1]) != OPENING.charAt(closing)) {
                    changed = true;
                    continue;
                }
                open--;
            }
            kept.append(c);
        }
        if (open > 0) {
            changed = true;
            for (int i = open - 1; i >= 0; i--) {
                kept.deleteCharAt(openAt[i]);
            }
        }
        if (changed) {
            text.setLength(from);
            text.append(kept);
        }
    }
}
