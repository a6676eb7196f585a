package dev.herald.notification.inbox;

import dev.herald.notification.subscription.MatchedBy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An inbox entry: one article that matched one subscription. The id is derived from that pair, so
 * however often the article is delivered or re-published, the store can hold only one.
 */
@Document("notifications")
@CompoundIndex(name = "inbox", def = "{'subscriber': 1, 'createdAt': -1}")
public record Notification(@Id String id, String subscriptionId, String subscriber, String articleId, String title,
                           String unit, String channel, Instant publishedAt, MatchedBy matchedBy, Instant createdAt) {

    /** A name-based UUID rather than the raw pair, so the id is URL-safe whatever the article id holds. */
    static String idFor(String subscriptionId, String articleId) {
        return "ntf-" + UUID.nameUUIDFromBytes((subscriptionId + "\n" + articleId).getBytes(StandardCharsets.UTF_8));
    }
}
