package dev.herald.moderation.review;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Scheduled publication (定时发布).
 *
 * @param interval   how often each instance looks for scheduled publications that are due: an article
 *                   leaves at most this long after its time
 * @param claimLease how long an instance holds a due publication it is publishing before another instance may
 *                   take it over; also how long a publication waits after the instance holding it died
 * @param maxAhead   the furthest ahead a publication may be scheduled; further is refused as a mistake
 * @param batch      the most due publications one pass takes on
 */
@ConfigurationProperties("herald.moderation.scheduling")
public record SchedulingProperties(Duration interval, Duration claimLease, Duration maxAhead, Integer batch) {

    public SchedulingProperties {
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
        maxAhead = maxAhead == null ? Duration.ofDays(366) : maxAhead;
        batch = batch == null ? 100 : batch;
    }
}
