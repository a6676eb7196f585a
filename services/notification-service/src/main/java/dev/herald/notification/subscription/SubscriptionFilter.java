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
 * places no constraint, which is why a filter must have at least one non-empty list.
 */
public record SubscriptionFilter(List<String> channels, List<String> units, List<String> keywords) {

    public SubscriptionFilter {
        channels = channels == null ? List.of() : List.copyOf(channels);
        units = units == null ? List.of() : List.copyOf(units);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public boolean hasNoCriteria() {
        return channels.isEmpty() && units.isEmpty() && keywords.isEmpty();
    }

    public Optional<MatchedBy> match(ArticlePublished article) {
        if (hasNoCriteria()) {
            return Optional.empty();
        }
        String channel = channels.isEmpty() ? null : exact(channels, article.channel());
        String unit = units.isEmpty() ? null : exact(units, article.unit());
        String keyword = keywords.isEmpty() ? null : new KeywordMatcher(keywords).firstMatch(text(article)).orElse(null);
        if ((!channels.isEmpty() && channel == null) || (!units.isEmpty() && unit == null)
                || (!keywords.isEmpty() && keyword == null)) {
            return Optional.empty();
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
