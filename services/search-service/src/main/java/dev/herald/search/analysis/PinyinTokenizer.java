package dev.herald.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One position per Han character, holding each of its readings as a syllable ({@code zhong}) or, for
 * the initials field, each reading's first letter ({@code z}); other characters are skipped. A phrase
 * of syllables or letters then matches the characters in a row, whichever reading was meant.
 */
public final class PinyinTokenizer extends Tokenizer {

    private final boolean initials;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private int pendingOffset;
    private int read;

    public PinyinTokenizer(boolean initials) {
        this.initials = initials;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (!pending.isEmpty()) {
            emit(pending.pop(), pendingOffset, 0);
            return true;
        }
        for (int c; (c = input.read()) != -1; ) {
            int at = read++;
            List<String> readings = Pinyin.readings((char) c);
            if (readings.isEmpty()) {
                continue;
            }
            var distinct = new java.util.LinkedHashSet<String>();
            for (String r : readings) {
                distinct.add(initials ? r.substring(0, 1) : r);
            }
            var it = distinct.iterator();
            String first = it.next();
            it.forEachRemaining(pending::add);
            pendingOffset = at;
            emit(first, at, 1);
            return true;
        }
        return false;
    }

    private void emit(String text, int at, int positionIncrement) {
        term.setEmpty().append(text);
        offset.setOffset(correctOffset(at), correctOffset(at + 1));
        increment.setPositionIncrement(positionIncrement);
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(correctOffset(read), correctOffset(read));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        read = 0;
    }
}
