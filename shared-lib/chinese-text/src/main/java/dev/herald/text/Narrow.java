package dev.herald.text;

/**
 * Full-width letters, digits and signs as their ASCII forms, and zero-width characters as spaces, one character for
 * one, so that a pattern written for ASCII finds {@code ＱＱ：１２３} and its span is the span in the text as given.
 */
final class Narrow {

    private Narrow() {
    }

    static String of(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '\uff01' && chars[i] <= '\uff5e') {
                chars[i] = (char) (chars[i] - 0xfee0);
            } else if (chars[i] == '\u3000' || chars[i] >= '\u200b' && chars[i] <= '\u200d' || chars[i] == '\u2060' || chars[i] == '\ufeff') {
                // zero-width characters hide inside a word to part it for a filter (微\u200b信): a space, to patterns
                chars[i] = ' ';
            } else if (chars[i] == '\uff61') {
                // the half-width ideographic full stop, which stands for a dot as 。 does
                chars[i] = '。';
            }
        }
        return new String(chars);
    }
}
