package dev.herald.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds the ways the same Chinese text arrives in the wild into one form, so that matching and
 * indexing agree: full-width letters, digits and punctuation become half-width (NFKC), Latin is
 * lower-cased, traditional characters become simplified ({@link TraditionalChinese}: a reader searching
 * 体育 expects to find 體育 too), invisible characters are dropped and runs of white space become one space.
 */
public final class ChineseText {

    private ChineseText() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (Character.isBmpCodePoint(cp)) {
                out.append(TraditionalChinese.toSimplified((char) cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * The text normalised with everything but letters and digits dropped, for comparing names written
     * with different separators: 党旗飘扬,战疫情 and 党旗飘扬·战疫情 give the same key.
     */
    public static String nameKey(String text) {
        String normalized = normalize(text);
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True when the text holds at least one Han character. */
    public static boolean containsHan(String text) {
        return text != null && text.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD
                || Character.getType(cp) == Character.CONTROL && !Character.isWhitespace(cp);
    }
}
