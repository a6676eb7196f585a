package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator took a published article down; readers must no longer find it. Owned by the
 * moderation service. {@code version} is the publication it retracts, so a late redelivery of that
 * publication cannot bring the article back.
 */
public record ArticleRetracted(
        UUID eventId,
        Instant when,
        String articleId,
        int version,
        String unit,
        String reason,
        String moderator) implements HeraldEvent {
}
