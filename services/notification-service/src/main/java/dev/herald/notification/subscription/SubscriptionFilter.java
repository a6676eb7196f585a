package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.text.KeywordMatcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a subscriber wants to hear about. Within one list any value will do; across lists every
 * criterion given must hold, so "channel 党建动态 from unit X" means both, not either. An empty list
 * places no constraint, which is why a filter must have at least one criterion. {@code query} is a saved
 * search in the search service's syntax: every word and "quoted phrase" must occur, no -excluded one.
 */
public record SubscriptionFilter(List<String> channels, List<String> units, List<String> keywords, String query) {

    public SubscriptionFilter {
        channels = channels == null ? List.of() : List.copyOf(channels);
        units = units == null ? List.of() : List.copyOf(units);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        query = query == null || query.isBlank() ? null : query.strip();
    }

    public SubscriptionFilter(List<String> channels, List<String> units, List<String> keywords) {
        this(channels, units, keywords, null);
    }

    public boolean hasNoCriteria() {
        return channels.isEmpty() && units.isEmpty() && keywords.isEmpty() && query == null;
    }

    public Optional<MatchedBy> match(ArticlePublished article) {
        if (hasNoCriteria()) {
            return Optional.empty();
        }
        String channel = channels.isEmpty() ? null : exact(channels, article.channel());
        String unit = units.isEmpty() ? null : exact(units, article.unit());
        String text = text(article);
        String keyword = keywords.isEmpty() ? null : new KeywordMatcher(keywords).firstMatch(text).orElse(null);
        if ((!channels.isEmpty() && channel == null) || (!units.isEmpty() && unit == null)
                || (!keywords.isEmpty() && keyword == null) || (query != null && !SavedQuery.parse(query).matches(text))) {
            return Optional.empty();
        }
        if (keyword == null && query != null) {
            keyword = query;
        }
        return Optional.of(new MatchedBy(channel, unit, keyword));
    }

    private static String exact(List<String> wanted, String actual) {
        return actual != null && wanted.contains(actual.strip()) ? actual.strip() : null;
    }

    // separate lines keep a Han keyword from matching across the end of the title and the start of the body
    private static String text(ArticlePublished article) {
        return Stream.of(article.title(), article.subtitle(), article.body())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
