package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A report of a unit that signs off its own reports (本单位审核) changed its standing with the unit's responsible
 * person; owned by the ingest service, which holds such reports until they are signed off. {@code state} is
 * {@code AWAITING} (a report or a revision of one now waits for a {@code UNIT_REVIEWER} of the unit),
 * {@code SIGNED_OFF} (it went on to the platform's review; {@code by} signed it) or {@code RETURNED} (sent back
 * to its submitter with {@code message}). Moderation hears of a held report only once it is signed off, as
 * {@code article-submitted}; this event is for the people of the unit.
 */
public record UnitSignOffChanged(
        UUID eventId,
        Instant when,
        String articleId,
        int revision,
        String unit,
        String channel,
        String title,
        String state,
        String by,
        String message) implements HeraldEvent {
}
