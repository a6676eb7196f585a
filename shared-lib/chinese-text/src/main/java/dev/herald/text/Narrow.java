package dev.herald.text;

/**
 * Full-width letters, digits and signs as their ASCII forms, look-alike letters and circled digits as the ASCII they
 * pass for, and zero-width characters as spaces, one character for one, so that a pattern written for ASCII finds
 * {@code ＱＱ：１２３} and its span is the span in the text as given.
 */
final class Narrow {

    // Cyrillic letters drawn like Latin ones, as in gоldshоp.cоm, and circled and dingbat digits and letters
    // (①③⑧…, ⓐⓑⓒ.com): spam writes them so a filter reading ASCII reads nothing
    private static final String CYRILLIC = "аеорсхуіјѕԁһԛԝАВЕКМНОРСТХІЈЅ";
    private static final String LATIN = "aeopcxyijsdhqwABEKMHOPCTXIJS";

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
            } else {
                chars[i] = lookAlike(chars[i]);
            }
        }
        return new String(chars);
    }

    private static char lookAlike(char c) {
        int cyrillic = CYRILLIC.indexOf(c);
        if (cyrillic >= 0) return LATIN.charAt(cyrillic);
        if (c == 'ο') return 'o';
        if (c >= '\u2460' && c <= '\u2468') return (char) ('1' + c - '\u2460');
        if (c >= '\u2776' && c <= '\u277e') return (char) ('1' + c - '\u2776');
        if (c >= '\u2780' && c <= '\u2788') return (char) ('1' + c - '\u2780');
        if (c >= '\u278a' && c <= '\u2792') return (char) ('1' + c - '\u278a');
        if (c == '\u24ea' || c == '\u24ff') return '0';
        if (c >= '\u24b6' && c <= '\u24cf') return (char) ('A' + c - '\u24b6');
        if (c >= '\u24d0' && c <= '\u24e9') return (char) ('a' + c - '\u24d0');
        return c;
    }
}
