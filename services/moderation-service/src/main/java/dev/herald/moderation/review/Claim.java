package dev.herald.moderation.review;

import java.time.Instant;

/**
 * A moderator's hold on one stage of one review; it lapses on its own so a forgotten claim blocks nobody
 * for long, and it ends when the stage does, so it never covers the next one.
 *
 * @param stage the stage claimed; null on claims taken before workflows
 */
public record Claim(String moderator, Instant claimedAt, Instant expiresAt, String stage) {

    boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    boolean heldByOtherThan(String moderator, Instant now) {
        return activeAt(now) && !this.moderator.equals(moderator);
    }
}
