package dev.herald.moderation.review;

import dev.herald.support.web.InvalidRequestException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A publication time as a client writes it. The offset is required: a bare local time would be read in
 * the server's zone, and an editor in 北京 scheduling 08:00 means 08:00+08:00. A time more than
 * {@code maxAhead} away is a typo (a wrong year), not a plan.
 */
final class PublicationTime {

    private PublicationTime() {
    }

    /** The instant asked for, or null for now (absent, or not after {@code now}). */
    static Instant parse(String value, Instant now, Duration maxAhead) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("publishAt", "must be an ISO-8601 time with an offset, such as 2026-12-04T08:00:00+08:00");
        }
        if (at.isAfter(now.plus(maxAhead))) {
            throw new InvalidRequestException("publishAt", "must be at most " + maxAhead.toDays() + " days ahead");
        }
        return at.isAfter(now) ? at : null;
    }
}
