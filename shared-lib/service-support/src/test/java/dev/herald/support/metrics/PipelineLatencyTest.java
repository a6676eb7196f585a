package dev.herald.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineLatencyTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant published = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aStageTimeIsTheSpanBetweenTheEventsTimeAndNow() {
        PipelineLatency.record(meters, PipelineLatency.DECISION_TO_SEARCHABLE_METER, published, published.plusMillis(1500));

        Timer timer = meters.get("herald.pipeline.decision-to-searchable").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void stageTimesArePublishedAsHistogramsUpToTwoDaysSoPercentilesCanBeTakenAcrossInstances() {
        List<DistributionStatisticConfig> configs = new ArrayList<>();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                configs.add(config);
                return config;
            }
        });

        PipelineLatency.record(meters, PipelineLatency.SUBMISSION_TO_REVIEW_METER, published, published.plusSeconds(3));

        assertThat(configs).singleElement().satisfies(config -> {
            assertThat(config.isPercentileHistogram()).isTrue();
            assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(Duration.ofDays(2).toNanos());
        });
    }

    @Test
    void aSpanThatComesOutNegativeOrWithoutAStartIsLeftOut() {
        PipelineLatency.record(meters, PipelineLatency.DECISION_TO_NOTIFIED_METER, published.plusSeconds(2), published);
        PipelineLatency.record(meters, PipelineLatency.DECISION_TO_NOTIFIED_METER, null, published);

        assertThat(meters.get(PipelineLatency.DECISION_TO_NOTIFIED_METER).timer().count()).isZero();
    }

    @Test
    void deliveriesAreTimedPerChannel() {
        PipelineLatency.record(meters, PipelineLatency.DECISION_TO_DELIVERED_METER, published, published.plusSeconds(1), "channel", "webhook");
        PipelineLatency.record(meters, PipelineLatency.DECISION_TO_DELIVERED_METER, published, published.plusSeconds(9), "channel", "email");

        assertThat(meters.get(PipelineLatency.DECISION_TO_DELIVERED_METER).tag("channel", "email").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(9);
    }

    @Test
    void onlyTheFourStagesAreTimed() {
        assertThatThrownBy(() -> PipelineLatency.timer(meters, "herald.pipeline.anything"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
