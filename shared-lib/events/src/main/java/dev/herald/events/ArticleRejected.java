package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator (or the screening policy) turned a report down, with the reason the unit will see;
 * owned by the moderation service. {@code reasonCode} is one of a small fixed set (SPAM, PROMOTION,
 * DUPLICATE, OFF_TOPIC, INCOMPLETE, POLICY, OTHER) for reporting; absent in older events.
 * {@code correction} is true when what was turned down is a correction (更正) of a published article, which
 * therefore stays published as it was; false when absent, as in older events.
 */
public record ArticleRejected(
        UUID eventId,
        Instant when,
        String articleId,
        String unit,
        String reason,
        String moderator,
        String reasonCode,
        Boolean correction) implements HeraldEvent {

    public ArticleRejected {
        correction = correction != null && correction;
    }

    /** A report turned down before it was ever published. */
    public ArticleRejected(UUID eventId, Instant when, String articleId, String unit, String reason, String moderator,
                           String reasonCode) {
        this(eventId, when, articleId, unit, reason, moderator, reasonCode, false);
    }
}
