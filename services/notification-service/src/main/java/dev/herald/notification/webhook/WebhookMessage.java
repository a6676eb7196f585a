package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryAttempt;
import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.DeliveryView;
import dev.herald.notification.delivery.Notice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One webhook message owed to a subscription: one notice, or a digest's worth. It keeps the exact body
 * it sends, so every attempt and every replay is byte for byte the same message under the same
 * {@code webhook-id} (its id), which receivers use to recognise a message they already have.
 *
 * @param key              what the message was owed for (notice id, or subscription and digest window); the id derives from it
 * @param type             the payload's event type: {@code notification.created} or {@code notification.digest}
 * @param url              the endpoint last called, or to be called
 * @param statusReason     why the message was given up or cancelled
 * @param attemptsInSeries attempts since the message was owed or last replayed; the schedule counts these
 * @param attempts         every attempt, the most recent {@value WebhookDeliveries#KEPT_ATTEMPTS} kept
 * @param nextAttemptAt    when a PENDING message is due; while an attempt is under way, when its lease ends
 * @param lease            the claim of the dispatcher making the current attempt, else null
 * @param seriesStartedAt  when the current series of attempts began (owed, or replayed)
 * @param completedAt      when it was delivered, given up or cancelled; the store drops it {@value #KEPT_FOR} later
 * @param traceparent      the W3C trace context the message was owed in (a report's trace, for a notice): every
 *                         attempt, on a sender thread and maybe hours later, is a span in that trace
 */
@Document("webhook_messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "subscription", def = "{'subscriptionId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "notice", def = "{'notices.notificationId': 1}")
public record WebhookMessage(@Id String id, String key, String type, String subscriptionId, String subscriber,
                             List<Notice> notices, String body, String url, DeliveryStatus status, String statusReason,
                             int attemptsInSeries, int replays, List<DeliveryAttempt> attempts, Instant nextAttemptAt,
                             String lease, Instant seriesStartedAt, Instant createdAt,
                             @Indexed(name = "completed_ttl", expireAfter = KEPT_FOR) Instant completedAt,
                             String traceparent) {

    static final String PREFIX = "msg_";
    static final String KEPT_FOR = "30d";

    public WebhookMessage {
        notices = notices == null ? List.of() : List.copyOf(notices);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The message as its subscriber sees it among the deliveries of a subscription or a notice. */
    DeliveryView view() {
        return new DeliveryView(id, "WEBHOOK", type, subscriptionId, notices.stream().map(Notice::notificationId).toList(),
                url, status, statusReason, attemptsInSeries, replays, attempts,
                status == DeliveryStatus.PENDING ? nextAttemptAt : null, createdAt, completedAt);
    }

    /** The same key always gives the same id, so a message owed twice is one message under one webhook-id. */
    static String idFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
