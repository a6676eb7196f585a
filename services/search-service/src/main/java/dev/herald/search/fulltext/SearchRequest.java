package dev.herald.search.fulltext;

import dev.herald.support.web.InvalidRequestException;
import dev.herald.text.ChineseText;

/** A checked search: the text as typed (trimmed), its folded form, optional exact filters and the page. */
record SearchRequest(String query, String normalizedQuery, String channel, String unit, int page, int size) {

    static final int MAX_QUERY = 200;
    static final int MAX_SIZE = 50;
    static final int MAX_FILTER = 200;

    static SearchRequest of(String q, String channel, String unit, int page, int size) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidRequestException("q", "must be 1 to " + MAX_QUERY + " characters");
        }
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new SearchRequest(query, folded(query), filter("channel", channel), filter("unit", unit), page, size);
    }

    /** Folding can lengthen text (one ligature may become many letters); the cap holds for the folded form too. */
    private static String folded(String query) {
        String folded = ChineseText.normalize(query);
        return folded.codePointCount(0, folded.length()) <= MAX_QUERY
                ? folded : folded.substring(0, folded.offsetByCodePoints(0, MAX_QUERY));
    }

    private static String filter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new InvalidRequestException(name, "must be at most " + MAX_FILTER + " characters");
        }
        return value.strip();
    }
}
