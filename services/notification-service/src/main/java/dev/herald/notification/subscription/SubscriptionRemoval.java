package dev.herald.notification.subscription;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * That a subscription was deleted, and when: how other instances' in-memory indexes learn it at their next catch-up,
 * where otherwise only a full reload would drop it. Kept a week, far longer than any catch-up's look-back; the id alone,
 * nothing of what the subscriber had asked for.
 */
@Document("subscription_removals")
record SubscriptionRemoval(@Id String subscriptionId, @Indexed(expireAfter = "7d") Instant removedAt) {
}
