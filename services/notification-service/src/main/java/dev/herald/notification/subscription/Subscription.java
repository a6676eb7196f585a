package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Optional;

/**
 * A standing request to be told about published articles that pass a filter, on a channel, at a
 * cadence. {@code version} keeps two edits from overwriting each other.
 *
 * @param statusReason why the subscription is DISABLED, for the subscriber to read
 */
@Document("subscriptions")
public record Subscription(@Id String id, @Version Long version, @Indexed String subscriber, SubscriptionFilter filter,
                           Delivery delivery, Frequency frequency, SubscriptionStatus status, String statusReason,
                           Instant createdAt, @Indexed Instant updatedAt) {

    public Subscription {
        frequency = frequency == null ? Frequency.immediate() : frequency;
        status = status == null ? SubscriptionStatus.ACTIVE : status;
    }

    public Optional<MatchedBy> match(ArticlePublished article) {
        return status.matches() ? filter.match(article) : Optional.empty();
    }

    Subscription with(SubscriptionStatus newStatus, String reason, Instant at) {
        return new Subscription(id, version, subscriber, filter, delivery, frequency, newStatus, reason, createdAt, at);
    }

    /** The same subscription with other delivery details, as stored or as changed by a secret rotation. */
    Subscription with(Delivery newDelivery) {
        return new Subscription(id, version, subscriber, filter, newDelivery, frequency, status, statusReason, createdAt, updatedAt);
    }

    Subscription with(SubscriptionFilter newFilter, Delivery newDelivery, Frequency newFrequency, SubscriptionStatus newStatus,
                      Instant at) {
        return new Subscription(id, version, subscriber, newFilter, newDelivery, newFrequency, newStatus, null, createdAt, at);
    }
}
