package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.NaiveMatcher;
import dev.herald.notification.matching.SubscriptionCriteria;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a subscriber wants to hear about. Within one list any value will do; across lists every
 * criterion given must hold, so "channel 党建动态 from unit X" means both, not either. An empty list
 * places no constraint, which is why a filter must have at least one criterion. {@code query} is a saved
 * search in the search service's syntax: every word and "quoted phrase" must occur, no -excluded one.
 * Keywords match as words or phrases, never inside an unrelated word (see {@code dev.herald.text.KeywordText}).
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

    /**
     * The filter as the matching index reads it.
     *
     * @throws IllegalArgumentException when nothing in it selects an article
     * @throws dev.herald.text.InvalidSearchException when the saved query cannot be read
     */
    SubscriptionCriteria criteria(String subscriptionId) {
        return new SubscriptionCriteria(subscriptionId, new HashSet<>(channels), new HashSet<>(units), keywords, query);
    }

    /** One subscription's verdict, by the very rules the index applies to all of them. */
    public Optional<MatchedBy> match(ArticlePublished article) {
        if (hasNoCriteria()) {
            return Optional.empty();
        }
        SubscriptionCriteria criteria;
        try {
            criteria = criteria("filter");
        } catch (IllegalArgumentException nothingSelects) {
            return Optional.empty();
        }
        return new NaiveMatcher(List.of(criteria)).match(new ArticleText(article.channel(), article.unit(), article.title(),
                article.subtitle(), article.body())).stream().findFirst()
                .map(m -> new MatchedBy(m.channel(), m.unit(), m.keyword() != null ? m.keyword() : m.savedQuery()));
    }
}
