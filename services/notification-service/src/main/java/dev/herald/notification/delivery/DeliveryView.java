package dev.herald.notification.delivery;

import java.time.Instant;
import java.util.List;

/** A delivery as its subscriber may see it: where it went and how each attempt ended. */
public record DeliveryView(String notificationId, String type, String url, DeliveryStatus status, int attemptCount,
                           List<DeliveryAttempt> attempts, Instant nextAttemptAt, Instant createdAt,
                           Instant completedAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.notificationId(), "WEBHOOK", d.url(), d.status(), d.attemptCount(), d.attempts(),
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.createdAt(), d.completedAt());
    }
}
