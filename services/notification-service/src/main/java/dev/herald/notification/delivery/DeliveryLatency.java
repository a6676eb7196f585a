package dev.herald.notification.delivery;

import dev.herald.support.metrics.PipelineLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Instant;
import java.util.List;

/**
 * {@code herald.pipeline.decision-to-delivered{channel}}: from an article's publication to the moment a
 * channel's receiver accepted the notice of it, one sample per notice, so a digest counts each notice it
 * carried with the wait its window added.
 */
public final class DeliveryLatency {

    public static final String METER = PipelineLatency.DECISION_TO_DELIVERED_METER;

    private DeliveryLatency() {
    }

    public static void record(MeterRegistry meters, String channel, List<Notice> notices, Instant deliveredAt) {
        Timer timer = PipelineLatency.timer(meters, METER, "channel", channel);
        for (Notice notice : notices) {
            PipelineLatency.record(timer, notice.publishedAt(), deliveredAt);
        }
    }
}
