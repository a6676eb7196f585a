package dev.herald.notification.inbox;

import dev.herald.notification.subscription.MatchedBy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An inbox entry: one article that matched one subscription, or a word to a unit about its own report,
 * or to a subscriber about their subscription. The id is derived from what caused it, so however often
 * that is delivered again the store can hold only one. A unit's inbox is kept under {@code unit:<name>}.
 *
 * @param message for OUTCOME and ENDPOINT_DISABLED notices, what happened in words
 */
@Document("notifications")
@CompoundIndexes({
        @CompoundIndex(name = "inbox", def = "{'subscriber': 1, 'read': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "stream", def = "{'subscriber': 1, 'createdAt': 1}")})
public record Notification(@Id String id, NoticeKind kind, String subscriptionId, String subscriber, String articleId,
                           String title, String unit, String channel, Instant publishedAt, MatchedBy matchedBy,
                           String message, boolean read, Instant readAt, Instant createdAt) {

    public Notification {
        kind = kind == null ? NoticeKind.ARTICLE : kind;
    }

    static Notification article(String id, String subscriptionId, String subscriber, String articleId, String title,
                                String unit, String channel, Instant publishedAt, MatchedBy matchedBy, Instant createdAt) {
        return new Notification(id, NoticeKind.ARTICLE, subscriptionId, subscriber, articleId, title, unit, channel,
                publishedAt, matchedBy, null, false, null, createdAt);
    }

    static Notification note(String id, NoticeKind kind, String subscriptionId, String subscriber, String articleId,
                             String title, String unit, String message, Instant createdAt) {
        return new Notification(id, kind, subscriptionId, subscriber, articleId, title, unit, null, null, null, message,
                false, null, createdAt);
    }

    /** A name-based UUID rather than the raw pair, so the id is URL-safe whatever the article id holds. */
    static String idFor(String subscriptionId, String articleId) {
        return name(subscriptionId + "\n" + articleId);
    }

    static String name(String cause) {
        return "ntf-" + UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8));
    }

    static String unitInbox(String unit) {
        return "unit:" + unit;
    }

    /** The desk of a unit's own responsible people (UNIT_REVIEWER): what waits for the unit's sign-off. */
    static String unitReviewersInbox(String unit) {
        return "unit-reviewers:" + unit;
    }

    /** The inbox everyone holding a review role shares (their desk): what reached the stages that role decides. */
    static String deskInbox(String role) {
        return "desk:" + role;
    }
}
