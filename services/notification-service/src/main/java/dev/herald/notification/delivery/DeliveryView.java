package dev.herald.notification.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as its subscriber may see it: which notices went where, and how each attempt ended.
 *
 * @param id              the message id, sent as webhook-id on every attempt and replay
 * @param type            the payload's event type (notification.created, notification.digest)
 * @param notificationIds the notices the message carries
 * @param attemptCount    attempts in the current series (since the message was owed or last replayed)
 * @param attempts        every attempt, across replays, oldest first
 */
public record DeliveryView(String id, String channel, String type, String subscriptionId, List<String> notificationIds,
                           String url, DeliveryStatus status, String statusReason, int attemptCount, int replays,
                           List<DeliveryAttempt> attempts, Instant nextAttemptAt, Instant createdAt, Instant completedAt) {
}
