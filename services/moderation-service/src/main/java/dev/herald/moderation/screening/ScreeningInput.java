package dev.herald.moderation.screening;

import java.time.Instant;

/** The fields of a submitted report that screening reads. */
public record ScreeningInput(String title, String channel, String body, Instant originalPublishedAt) {
}
