package dev.herald.moderation.screening;

import java.time.Instant;

/**
 * The fields of a submitted report that screening reads. {@code unit} is the submitting unit's registered name:
 * a report names its own unit again and again, and that is no planted brand.
 */
public record ScreeningInput(String title, String unit, String channel, String body, Instant originalPublishedAt) {

    /** A report whose unit is not known to screening. */
    public ScreeningInput(String title, String channel, String body, Instant originalPublishedAt) {
        this(title, null, channel, body, originalPublishedAt);
    }
}
