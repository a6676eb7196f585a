package dev.herald.search.query;

import java.util.List;

/**
 * The newest articles with a suggestion key starting with one of the given prefixes ({@code t:} or {@code u:}
 * before the folded text, its pinyin or its initials, as {@code ArticleDocuments.suggestionKeys} makes them),
 * from whichever backend holds the articles. What to suggest from them is {@link Suggestions}'s to decide.
 */
public interface SuggestionCandidates {

    record Candidate(String id, String title, String unit) {
    }

    List<Candidate> newestWithKey(List<String> keyPrefixes, int max);
}
