package dev.herald.search.fulltext;

import java.time.Instant;
import java.util.List;

/** One page of matches, best first; {@code total} counts all matches, not just this page. */
public record SearchResults(String query, long total, int page, int size, List<Hit> hits) {

    /** {@code snippet} is HTML: escaped article text with the matches wrapped in {@code <em>}. */
    public record Hit(String id, String title, String channel, String unit, Instant publishedAt, String snippet) {
    }
}
