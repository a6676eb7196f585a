package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator sent a report back to its unit for changes; the unit may answer with a new revision of
 * the same report. Owned by the moderation service.
 *
 * @param revision the revision the request is about, so a late event cannot reopen a newer one
 */
public record ArticleChangesRequested(
        UUID eventId,
        Instant when,
        String articleId,
        String unit,
        int revision,
        String message,
        String moderator) implements HeraldEvent {
}
