package dev.herald.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for matching (full-width to half-width, lower case, traditional Chinese to simplified,
 * filler characters dropped) that
 * remembers where each folded character came from, so a match can be reported as a span of the text
 * a person sees. Filler is white space, punctuation and symbols: spammers put them between the
 * characters of a word ({@code 博*彩}, {@code 博 彩}) to slip past plain matching.
 */
public final class FoldedText {

    // negative, so that a character folding to one character can be stored in the table as itself
    private static final int UNKNOWN = -1;
    private static final int DROPPED = -2;
    private static final int MANY = -3;
    private static final int[] BMP = new int[Character.MAX_VALUE + 1];

    static {
        Arrays.fill(BMP, UNKNOWN);
    }

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
            int known = cp <= Character.MAX_VALUE ? foldedBmp((char) cp) : MANY;
            if (known != DROPPED) {
                String f = known == MANY ? foldCodePoint(original.substring(i, i + width)) : null;
                int count = f == null ? 1 : f.length();
                if (n + count > origin.length) {
                    // compatibility characters can fold to several (Ⅻ to xii, ﬃ to ffi), so a folded text may outgrow its original
                    origin = Arrays.copyOf(origin, Math.max(origin.length * 2, n + count));
                }
                if (f == null) {
                    folded.append((char) known);
                    origin[n++] = i;
                } else {
                    folded.append(f);
                    Arrays.fill(origin, n, n + count, i);
                    n += count;
                }
            }
            i += width;
        }
        int[] trimmed = new int[n + 1];
        System.arraycopy(origin, 0, trimmed, 0, n);
        trimmed[n] = original.length();
        return new FoldedText(original, folded.toString(), trimmed);
    }

    /**
     * How a character of the Basic Multilingual Plane folds: to one character (returned as is), to
     * nothing ({@link #DROPPED}) or to several ({@link #MANY}). Normalising each character on every call
     * was most of the cost of screening a report's lexicon, so each one is worked out once. A racing
     * thread at worst works out the same entry again; an int is written whole, so none reads half of one.
     */
    private static int foldedBmp(char c) {
        int known = BMP[c];
        if (known != UNKNOWN) {
            return known;
        }
        String f = foldCodePoint(String.valueOf(c));
        known = f.isEmpty() ? DROPPED : f.length() == 1 ? f.charAt(0) : MANY;
        BMP[c] = known;
        return known;
    }

    /** The reference folding of one code point: dropped if filler, else NFKC, lower case and simplified, less any filler. */
    private static String foldCodePoint(String codePoint) {
        if (isFiller(codePoint.codePointAt(0))) {
            return "";
        }
        String f = Normalizer.normalize(codePoint, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(f.length());
        for (int k = 0; k < f.length(); k++) {
            if (!isFiller(f.charAt(k))) {
                kept.append(TraditionalChinese.toSimplified(f.charAt(k)));
            }
        }
        return kept.toString();
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
