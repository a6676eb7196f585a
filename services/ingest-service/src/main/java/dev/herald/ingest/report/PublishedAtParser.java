package dev.herald.ingest.report;

import dev.herald.ingest.registry.UnitsProperties;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Reads the original publication time the way units write it: an instant, a date-time with or
 * without offset, or just a date ("2023-06-30", "2023/06/30", "2023年6月30日"). Times without an
 * offset are taken in the units' zone.
 */
@Component
class PublishedAtParser {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private final ZoneId zone;

    PublishedAtParser(UnitsProperties units) {
        this.zone = units.unitsZone();
    }

    Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(v, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        throw new InvalidRequestException("originalPublishedAt", "is not a date or date-time (e.g. 2023-06-30 or 2023-06-30T09:00:00+08:00)");
    }
}
