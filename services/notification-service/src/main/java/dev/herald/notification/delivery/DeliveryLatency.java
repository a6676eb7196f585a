package dev.herald.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code herald.notifications.delivery.latency{channel}}: from an article's publication to the moment a
 * channel's receiver accepted the notice of it, one sample per notice, so a digest counts each notice it
 * carried with the wait its window added.
 */
public final class DeliveryLatency {

    public static final String METER = "herald.notifications.delivery.latency";

    private DeliveryLatency() {
    }

    public static void record(MeterRegistry meters, String channel, List<Notice> notices, Instant deliveredAt) {
        Timer timer = Timer.builder(METER).description("Time from an article's publication to its notice's delivery")
                .tag("channel", channel).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(2))
                .register(meters);
        for (Notice notice : notices) {
            if (notice.publishedAt() != null && !notice.publishedAt().isAfter(deliveredAt)) {
                timer.record(Duration.between(notice.publishedAt(), deliveredAt));
            }
        }
    }
}
