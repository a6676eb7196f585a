package dev.herald.notification.digest;

import dev.herald.notification.subscription.Cadence;
import dev.herald.notification.subscription.Frequency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestWindowsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anHourlyWindowEndsAtTheNextFullHourOfTheSubscribersZone() {
        Frequency hourly = new Frequency(Cadence.HOURLY, null, SHANGHAI);
        assertThat(Windows.closingAfter(hourly, Instant.parse("2026-11-20T03:17:42Z"))).isEqualTo("2026-11-20T04:00:00Z");
        // a notice made on the hour opens the next window rather than landing in one already closing
        assertThat(Windows.closingAfter(hourly, Instant.parse("2026-11-20T04:00:00Z"))).isEqualTo("2026-11-20T05:00:00Z");
    }

    @Test
    void anHourlyWindowFollowsAZoneWhoseOffsetIsNotWholeHours() {
        Frequency hourly = new Frequency(Cadence.HOURLY, null, KOLKATA);
        // 03:17Z is 08:47 in Kolkata (+05:30): the window ends at 09:00 there, 03:30Z
        assertThat(Windows.closingAfter(hourly, Instant.parse("2026-11-20T03:17:00Z"))).isEqualTo("2026-11-20T03:30:00Z");
    }

    @Test
    void aDailyWindowEndsAtTheNextDailyAtInTheSubscribersZone() {
        Frequency daily = new Frequency(Cadence.DAILY, LocalTime.of(8, 0), SHANGHAI);
        // 23:59Z is 07:59 the next morning in Shanghai: that morning's 08:00
        assertThat(Windows.closingAfter(daily, Instant.parse("2026-11-19T23:59:00Z"))).isEqualTo("2026-11-20T00:00:00Z");
        // at 08:00 sharp the day's digest is closing; the notice waits for tomorrow's
        assertThat(Windows.closingAfter(daily, Instant.parse("2026-11-20T00:00:00Z"))).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(Windows.closingAfter(daily, Instant.parse("2026-11-20T09:30:00Z"))).isEqualTo("2026-11-21T00:00:00Z");
    }

    @Test
    void aDailyWindowKeepsItsLocalTimeAcrossADaylightSavingChange() {
        Frequency daily = new Frequency(Cadence.DAILY, LocalTime.of(8, 0), BERLIN);
        // Berlin goes from +01:00 to +02:00 on 2026-03-29: 08:00 is 07:00Z the day before and 06:00Z that day
        assertThat(Windows.closingAfter(daily, Instant.parse("2026-03-28T07:30:00Z"))).isEqualTo("2026-03-29T06:00:00Z");
    }

    @Test
    void aDailyAtInsideTheSpringForwardGapMovesToTheFirstMomentAfterIt() {
        Frequency daily = new Frequency(Cadence.DAILY, LocalTime.of(2, 30), BERLIN);
        // 02:30 does not exist in Berlin on 2026-03-29; the digest goes out at 03:30 local, 01:30Z
        assertThat(Windows.closingAfter(daily, Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void anImmediateSubscriptionHasNoWindow() {
        assertThatThrownBy(() -> Windows.closingAfter(Frequency.immediate(), Instant.parse("2026-11-20T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
