package dev.herald.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text folded for matching (full-width to half-width, lower case, traditional Chinese to simplified,
 * filler characters dropped) that
 * remembers where each folded character came from, so a match can be reported as a span of the text
 * a person sees. Filler is white space, punctuation and symbols: spammers put them between the
 * characters of a word ({@code 博*彩}, {@code 博 彩}) to slip past plain matching.
 */
public final class FoldedText {

    private final String original;
    private final String folded;
    private final int[] origin;

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    public static FoldedText of(String text) {
        String original = text == null ? "" : text;
        StringBuilder folded = new StringBuilder(original.length());
        int[] origin = new int[original.length() + 1];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            if (!isFiller(cp)) {
                String f = Normalizer.normalize(original.substring(i, i + width), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                for (int k = 0; k < f.length(); k++) {
                    if (isFiller(f.charAt(k))) {
                        continue;
                    }
                    folded.append(TraditionalChinese.toSimplified(f.charAt(k)));
                    origin[n++] = i;
                }
            }
            i += width;
        }
        int[] trimmed = new int[n + 1];
        System.arraycopy(origin, 0, trimmed, 0, n);
        trimmed[n] = original.length();
        return new FoldedText(original, folded.toString(), trimmed);
    }

    /** Folds a pattern the same way, for building matchers. */
    public static String fold(String pattern) {
        return of(pattern).folded();
    }

    public String folded() {
        return folded;
    }

    public String original() {
        return original;
    }

    /** Start, in the original text, of the folded character at {@code foldedIndex}. */
    public int originalStart(int foldedIndex) {
        return origin[foldedIndex];
    }

    /** End (exclusive), in the original text, of a folded range ending before {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        int last = origin[foldedEnd - 1];
        return last + Character.charCount(original.codePointAt(last));
    }

    static boolean isFiller(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.FORMAT, Character.CONTROL -> true;
            default -> false;
        };
    }
}
