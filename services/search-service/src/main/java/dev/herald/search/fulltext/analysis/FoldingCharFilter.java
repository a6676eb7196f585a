package dev.herald.search.fulltext.analysis;

import dev.herald.text.ChineseText;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

import java.io.IOException;
import java.io.Reader;

/**
 * Folds text the way {@link ChineseText#normalize} does (full-width to half-width, case, and whatever
 * else the shared folding covers), one character at a time, while keeping the offset corrections, so
 * that the index sees folded text and highlights still land on the characters of the original.
 */
public final class FoldingCharFilter extends BaseCharFilter {

    private final StringBuilder folded = new StringBuilder();
    private int position;
    private boolean filled;

    public FoldingCharFilter(Reader in) {
        super(in);
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
            String out = Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    ? " " : ChineseText.normalize(original.substring(i, i + width));
            if (out.length() != width) {
                // every position inside an expansion (… becomes ...) maps back to the character it came from,
                // and later positions sit (width - out.length()) further along the original
                for (int k = 1; k < out.length(); k++) {
                    addOffCorrectMap(folded.length() + k, cumulativeDiff - k);
                }
                cumulativeDiff += width - out.length();
                addOffCorrectMap(folded.length() + out.length(), cumulativeDiff);
            }
            folded.append(out);
            i += width;
        }
    }
}
