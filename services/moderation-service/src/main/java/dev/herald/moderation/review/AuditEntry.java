package dev.herald.moderation.review;

import java.time.Instant;

/**
 * One thing that happened to a review: who (a moderator, the unit, or the screening policy), when,
 * what, and the particulars a later reader needs to understand it.
 */
public record AuditEntry(Instant at, String actor, String action, int revision, String detail) {
}
