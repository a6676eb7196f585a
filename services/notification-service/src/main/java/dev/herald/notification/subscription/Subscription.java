package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Optional;

/** A standing request to be told about published articles that pass a filter. Never changes once made. */
@Document("subscriptions")
public record Subscription(@Id String id, @Indexed String subscriber, SubscriptionFilter filter, Delivery delivery,
                           @Indexed Instant createdAt) {

    public Optional<MatchedBy> match(ArticlePublished article) {
        return filter.match(article);
    }
}
