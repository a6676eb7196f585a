package dev.herald.text;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.BitSet;

/**
 * Where the words of a text begin and end, as Lucene's smartcn segmenter (the one search indexes with)
 * cuts it: {@code 上海南京路} is {@code 上海|南京路}, so a boundary falls at 0, 2 and 5 but not at 1 or 3.
 * Anything that is not a letter or digit (space, punctuation) stands between words, so the positions on
 * either side of it are boundaries too, as are the start and end of the text.
 *
 * <p>Segment text that is already normalised ({@link ChineseText#normalize}), since positions refer to
 * the text given.
 */
public final class WordBoundaries {

    // a tokenizer is reusable but not thread-safe, and building one (dictionaries aside) is not free
    private static final ThreadLocal<HMMChineseTokenizer> TOKENIZER = ThreadLocal.withInitial(HMMChineseTokenizer::new);

    private final BitSet boundaries;
    private final int length;

    private WordBoundaries(BitSet boundaries, int length) {
        this.boundaries = boundaries;
        this.length = length;
    }

    public static WordBoundaries of(String text) {
        BitSet boundaries = new BitSet(text.length() + 1);
        boundaries.set(0);
        boundaries.set(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i)) && !Character.isSurrogate(text.charAt(i))) {
                boundaries.set(i);
                boundaries.set(i + 1);
            }
        }
        segment(text, boundaries);
        return new WordBoundaries(boundaries, text.length());
    }

    private static void segment(String text, BitSet boundaries) {
        HMMChineseTokenizer tokenizer = TOKENIZER.get();
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                boundaries.set(offset.startOffset());
                boundaries.set(offset.endOffset());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting a string cannot fail to read it", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // closing a StringReader does nothing that can fail
            }
        }
    }

    /** True when a word starts or ends at {@code position} (0 to the text's length). */
    public boolean at(int position) {
        return boundaries.get(position);
    }

    /** True when the span [start, end) holds a boundary strictly inside it, i.e. it runs across words. */
    public boolean inside(int start, int end) {
        int next = boundaries.nextSetBit(start + 1);
        return next >= 0 && next < end;
    }

    /** True when the span [start, end) is made of whole words: it starts and ends on boundaries. */
    public boolean wholeWords(int start, int end) {
        return at(start) && at(end);
    }

    public int length() {
        return length;
    }
}
