package dev.herald.notification.webhook;

import dev.herald.notification.delivery.Notice;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of a webhook, in the Standard Webhooks shape: an event type, when the event happened,
 * and its data. One notice for an immediate subscription, several in a digest.
 *
 * @param timestamp when the message was owed; the same on every attempt, unlike the webhook-timestamp header
 */
record WebhookPayload(String type, Instant timestamp, Data data) {

    static final String CREATED = "notification.created";
    static final String DIGEST = "notification.digest";

    /** @param unsubscribeUrl a signed link that ends the subscription without a login */
    record Data(String subscriptionId, String subscriber, List<Notice> notices, String unsubscribeUrl) {
    }
}
