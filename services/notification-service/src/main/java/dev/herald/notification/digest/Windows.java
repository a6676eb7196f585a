package dev.herald.notification.digest;

import dev.herald.notification.subscription.Frequency;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Which digest a notice made at a given moment belongs to, named by the instant the window closes.
 * HOURLY windows are the clock hours of the subscriber's zone; a DAILY window is the day that ends at
 * the subscriber's {@code dailyAt}, so a notice made at 07:59 goes out at 08:00 and one made at 08:00
 * the next morning.
 */
final class Windows {

    private Windows() {
    }

    static Instant closingAfter(Frequency frequency, Instant at) {
        ZonedDateTime local = at.atZone(frequency.zone());
        return switch (frequency.cadence()) {
            case HOURLY -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            case DAILY -> {
                // a dailyAt that falls in a DST gap resolves to the first valid moment after it
                ZonedDateTime today = local.toLocalDate().atTime(frequency.dailyAt()).atZone(frequency.zone());
                yield (today.isAfter(local) ? today
                        : local.toLocalDate().plusDays(1).atTime(frequency.dailyAt()).atZone(frequency.zone())).toInstant();
            }
            case IMMEDIATE -> throw new IllegalArgumentException("an immediate subscription has no digest window");
        };
    }
}
