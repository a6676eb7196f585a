package dev.herald.notification.subscription;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * @param dailyAt the local time a DAILY digest goes out
 * @param zone    the subscriber's zone, for {@code dailyAt}
 */
public record Frequency(Cadence cadence, LocalTime dailyAt, ZoneId zone) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public static Frequency immediate() {
        return new Frequency(Cadence.IMMEDIATE, null, DEFAULT_ZONE);
    }

    public Frequency {
        cadence = cadence == null ? Cadence.IMMEDIATE : cadence;
        zone = zone == null ? DEFAULT_ZONE : zone;
        dailyAt = cadence == Cadence.DAILY ? (dailyAt == null ? LocalTime.of(8, 0) : dailyAt) : null;
    }

    public boolean digest() {
        return cadence != Cadence.IMMEDIATE;
    }
}
