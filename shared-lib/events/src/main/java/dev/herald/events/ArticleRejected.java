package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator (or the screening policy) turned a report down, with the reason the unit will see;
 * owned by the moderation service. {@code reasonCode} is one of a small fixed set (SPAM, PROMOTION,
 * DUPLICATE, OFF_TOPIC, INCOMPLETE, POLICY, OTHER) for reporting; absent in older events.
 */
public record ArticleRejected(
        UUID eventId,
        Instant when,
        String articleId,
        String unit,
        String reason,
        String moderator,
        String reasonCode) implements HeraldEvent {
}
