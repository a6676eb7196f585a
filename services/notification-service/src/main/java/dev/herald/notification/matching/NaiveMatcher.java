package dev.herald.notification.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every subscription checked in turn, the way matching worked before the index: the reference the index
 * is tested against and measured beside. Criteria are normalised and the article prepared once, so what
 * it costs is the loop itself.
 */
public final class NaiveMatcher {

    private record Compiled(SubscriptionCriteria criteria, Terms terms) {
    }

    private final List<Compiled> subscriptions;

    public NaiveMatcher(Collection<SubscriptionCriteria> subscriptions) {
        this.subscriptions = subscriptions.stream()
                .map(c -> new Compiled(c, Terms.of(c.keywords(), c.savedQuery()))).toList();
    }

    public List<SubscriptionMatch> match(ArticleText article) {
        PreparedArticle prepared = PreparedArticle.of(article);
        List<SubscriptionMatch> matches = new ArrayList<>();
        for (Compiled subscription : subscriptions) {
            match(subscription, prepared).ifPresent(matches::add);
        }
        return matches;
    }

    private static Optional<SubscriptionMatch> match(Compiled subscription, PreparedArticle article) {
        SubscriptionCriteria criteria = subscription.criteria();
        String channel = null;
        if (!criteria.channels().isEmpty()) {
            if (article.channel() == null || !criteria.channels().contains(article.channel())) {
                return Optional.empty();
            }
            channel = article.channel();
        }
        String unit = null;
        if (!criteria.units().isEmpty()) {
            if (article.unit() == null || !criteria.units().contains(article.unit())) {
                return Optional.empty();
            }
            unit = article.unit();
        }
        Terms terms = subscription.terms();
        String keyword = null;
        if (!terms.keywords().isEmpty()) {
            keyword = terms.keywords().stream().filter(k -> article.text().containsKeyword(k)).findFirst().orElse(null);
            if (keyword == null) {
                return Optional.empty();
            }
        }
        if (!terms.included().stream().allMatch(article::contains) || terms.excluded().stream().anyMatch(article::contains)) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionMatch(criteria.subscriptionId(), channel, unit, keyword, criteria.savedQuery()));
    }
}
