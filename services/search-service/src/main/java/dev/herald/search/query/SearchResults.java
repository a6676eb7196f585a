package dev.herald.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of matches, in the requested order; {@code total} counts all matches, not just this page.
 * {@code next} is the cursor of the following page ({@code after=}), absent on the last one.
 * {@code facets} counts all matches by channel, unit and year.
 */
public record SearchResults(String query, long total, int page, int size, List<Hit> hits, Map<String, List<FacetCount>> facets,
                            String next) {

    /** {@code title} and {@code snippet} are HTML: escaped article text with the matches wrapped in {@code <em>}. */
    public record Hit(String id, String title, String channel, String unit, Instant publishedAt, String snippet) {
    }

    public record FacetCount(String value, long count) {
    }
}
