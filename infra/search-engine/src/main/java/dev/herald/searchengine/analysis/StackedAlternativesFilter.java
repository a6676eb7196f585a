package dev.herald.searchengine.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Splits a token {@code a|b|c} into {@code a}, {@code b} and {@code c} on one position. */
final class StackedAlternativesFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State stacked;

    StackedAlternativesFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(stacked);
            term.setEmpty().append(pending.pop());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String text = term.toString();
        if (text.indexOf('|') < 0) {
            return true;
        }
        String first = null;
        for (String alternative : text.split("\\|")) {
            if (alternative.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = alternative;
            } else {
                pending.add(alternative);
            }
        }
        stacked = captureState();
        term.setEmpty().append(first == null ? "" : first);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
