package dev.herald.notification.delivery;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The webhook call owed for one notification, keyed by the notification's id so there is never more
 * than one. It carries a copy of what it sends, so delivering needs nothing else.
 *
 * @param nextAttemptAt when the dispatcher may try again; pushed ahead while an attempt is under way
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record WebhookDelivery(@Id String notificationId, String subscriptionId, String subscriber, String url,
                              WebhookArticle article, DeliveryStatus status, int attemptCount,
                              List<DeliveryAttempt> attempts, Instant nextAttemptAt, Instant createdAt,
                              Instant completedAt) {

    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    WebhookPayload payload() {
        return new WebhookPayload(notificationId, subscriptionId, subscriber, article);
    }
}
