package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/** A moderator turned a report down, with the reason the unit will see; owned by the moderation service. */
public record ArticleRejected(
        UUID eventId,
        Instant when,
        String articleId,
        String unit,
        String reason,
        String moderator) implements HeraldEvent {
}
