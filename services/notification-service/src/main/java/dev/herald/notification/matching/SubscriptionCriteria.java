package dev.herald.notification.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one subscription asks for, as matching sees it. Any value within a kind will do; every kind given
 * must hold. {@code savedQuery} is in the search service's syntax ({@link dev.herald.text.SearchSyntax}):
 * every word and phrase it includes must occur and none it excludes may.
 *
 * <p>At least one criterion must select something: a channel, a unit, a keyword, or a saved query that
 * includes a word or phrase. A query that only excludes narrows the others but cannot stand alone, as it
 * would match nearly every article.
 *
 * @throws IllegalArgumentException when nothing selects, or the id is blank
 * @throws dev.herald.text.InvalidSearchException when the saved query cannot be read
 */
public record SubscriptionCriteria(String subscriptionId, Set<String> channels, Set<String> units,
                                   List<String> keywords, String savedQuery) {

    public SubscriptionCriteria {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("a subscription id is needed");
        }
        channels = cleanSet(channels);
        units = cleanSet(units);
        keywords = keywords == null ? List.of() : keywords.stream().filter(Objects::nonNull).toList();
        savedQuery = savedQuery == null || savedQuery.isBlank() ? null : savedQuery.strip();
        if (!Terms.of(keywords, savedQuery).selects() && channels.isEmpty() && units.isEmpty()) {
            throw new IllegalArgumentException("subscription " + subscriptionId
                    + " needs a channel, a unit, a keyword or a saved query that looks for something");
        }
    }

    // stripped, as the values articles carry are compared stripped
    private static Set<String> cleanSet(Set<String> values) {
        return values == null ? Set.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
