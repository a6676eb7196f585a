package dev.herald.moderation.review;

import java.time.Instant;

/** A moderator's hold on one review; it lapses on its own so a forgotten claim blocks nobody for long. */
public record Claim(String moderator, Instant claimedAt, Instant expiresAt) {

    boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    boolean heldByOtherThan(String moderator, Instant now) {
        return activeAt(now) && !this.moderator.equals(moderator);
    }
}
