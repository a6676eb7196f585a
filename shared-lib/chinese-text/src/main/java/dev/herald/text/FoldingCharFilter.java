package dev.herald.text;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

import java.io.IOException;
import java.io.Reader;

/**
 * Folds text the way {@link ChineseText#normalize} does (full-width to half-width, case, and whatever
 * else the shared folding covers), one character at a time, while keeping the offset corrections, so
 * that the index sees folded text and highlights still land on the characters of the original.
 * Shared because two analysers must fold alike: the search service's embedded index and Herald's analysis
 * plugin in the OpenSearch engine, each on its own Lucene.
 */
public final class FoldingCharFilter extends BaseCharFilter {

    /** Each BMP character's folding once worked out; a race only works one out twice, to the same string. */
    private static final String[] FOLDED = new String[Character.MAX_VALUE + 1];

    private final StringBuilder folded = new StringBuilder();
    private int position;
    private boolean filled;

    public FoldingCharFilter(Reader in) {
        super(in);
    }

    private static String folded(int cp, CharSequence original, int at, int width) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        if (width > 1) {
            return ChineseText.normalize(original.subSequence(at, at + width).toString());
        }
        // a character folds the same way every time; NFKC per character was a large part of analysis
        String known = FOLDED[cp];
        if (known == null) {
            known = ChineseText.normalize(String.valueOf((char) cp));
            FOLDED[cp] = known;
        }
        return known;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        fill();
        if (position >= folded.length()) {
            return -1;
        }
        int n = Math.min(length, folded.length() - position);
        folded.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        if (filled) {
            return;
        }
        filled = true;
        StringBuilder original = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = input.read(chunk)) != -1; ) {
            original.append(chunk, 0, n);
        }
        int cumulativeDiff = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            String out = folded(cp, original, i, width);
            if (out.length() > width) {
                // a character that folds to more (… to ..., ㎡ to m2): positions inside what it became map
                // into the character itself, never past it, or a token ending inside it would end before it starts
                for (int j = 1; j < out.length(); j++) {
                    addOffCorrectMap(folded.length() + j, cumulativeDiff + Math.min(j, width) - j);
                }
            }
            if (out.length() != width) {
                // later output positions now sit (width - out.length()) further along the original
                cumulativeDiff += width - out.length();
                addOffCorrectMap(folded.length() + out.length(), cumulativeDiff);
            }
            folded.append(out);
            i += width;
        }
    }
}
