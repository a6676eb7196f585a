package dev.herald.moderation.review;

import java.time.Instant;

/** A correction (更正) once published: the publication (version) it made, when, and the unit's note saying what changed. */
public record Correction(int version, Instant at, String note) {
}
