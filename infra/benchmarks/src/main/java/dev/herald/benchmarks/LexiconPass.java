package dev.herald.benchmarks;

import dev.herald.moderation.screening.Lexicon;
import dev.herald.moderation.screening.Screener;
import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lexicon part of screening on its own (fold, match, drop what the allow-list excuses, map spans
 * back to the text as submitted), which is what a word-filter library does too.
 */
public final class LexiconPass {

    /** A term found, as a span {@code [start, end)} of the text as submitted. */
    public record Hit(int start, int end, String term) {
    }

    private final Lexicon lexicon;

    public LexiconPass(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<Hit> find(String text) {
        FoldedText folded = FoldedText.of(text);
        List<PatternMatcher.Match> matches = lexicon.find(folded);
        List<Hit> hits = new ArrayList<>(matches.size());
        for (PatternMatcher.Match m : matches) {
            hits.add(new Hit(folded.originalStart(m.start()), folded.originalEnd(m.end()), m.pattern()));
        }
        return hits;
    }

    public static Set<String> starterTerms() {
        return Screener.starterTerms();
    }

    public static Set<String> starterAllowed() {
        return Screener.starterAllowed();
    }
}
