package dev.herald.notification.subscription;

import dev.herald.support.web.InvalidRequestException;
import dev.herald.text.KeywordMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A saved search in the search service's syntax, read the way a reader means it: every word and
 * "quoted phrase" must occur in the article, and no -excluded one.
 */
record SavedQuery(List<String> required, List<String> excluded) {

    static final int MAX_PARTS = 16;

    static SavedQuery parse(String query) {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < query.length() && !Character.isWhitespace(query.charAt(i + 1));
            int start = negated ? i + 1 : i;
            String part;
            if (query.charAt(start) == '"') {
                int close = query.indexOf('"', start + 1);
                if (close < 0) {
                    throw new InvalidRequestException("filter.query", "has a quote that is not closed");
                }
                part = query.substring(start + 1, close).strip();
                i = close + 1;
            } else {
                int end = start;
                while (end < query.length() && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
                    end++;
                }
                part = query.substring(start, end);
                i = end;
            }
            if (!part.isEmpty()) {
                (negated ? excluded : required).add(part);
            }
        }
        if (required.isEmpty()) {
            throw new InvalidRequestException("filter.query", "needs at least one word that is not excluded");
        }
        if (required.size() + excluded.size() > MAX_PARTS) {
            throw new InvalidRequestException("filter.query", "has more than " + MAX_PARTS + " words and phrases");
        }
        return new SavedQuery(List.copyOf(required), List.copyOf(excluded));
    }

    boolean matches(String text) {
        return required.stream().allMatch(word -> new KeywordMatcher(List.of(word)).matchesAny(text))
                && excluded.stream().noneMatch(word -> new KeywordMatcher(List.of(word)).matchesAny(text));
    }
}
