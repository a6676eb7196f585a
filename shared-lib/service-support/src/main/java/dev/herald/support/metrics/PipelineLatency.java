package dev.herald.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code herald.pipeline.*} timers: how long a report takes from one stage of its way through Herald to
 * the next. Each is recorded by the service that reaches the later stage, from a time the event itself
 * carries (the submission's {@code when}, the publication's {@code publishedAt}), so no service reads another's
 * store. They are histograms, so the pipeline dashboard, the alerts and the benchmarks read the same
 * percentiles, across instances. Machines' clocks differ: a span that comes out negative (the event's time
 * is ahead of this machine's clock) is left out rather than recorded as zero.
 */
public final class PipelineLatency {

    /** Moderation: from a submission (or revision) to the review it opens, screened and queued. */
    public static final String SUBMISSION_TO_REVIEW_METER = "herald.pipeline.submission-to-review";
    /** Search: from a publication to the article being in this instance's index. */
    public static final String DECISION_TO_SEARCHABLE_METER = "herald.pipeline.decision-to-searchable";
    /** Notification: from a publication to the notices of the subscriptions it matched being created. */
    public static final String DECISION_TO_NOTIFIED_METER = "herald.pipeline.decision-to-notified";
    /** Notification: from a publication to a channel's receiver accepting the notice of it. */
    public static final String DECISION_TO_DELIVERED_METER = "herald.pipeline.decision-to-delivered";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            SUBMISSION_TO_REVIEW_METER, "Time from a report's submission to its review being opened",
            DECISION_TO_SEARCHABLE_METER, "Time from an article's publication to its being in the search index",
            DECISION_TO_NOTIFIED_METER, "Time from an article's publication to the notices of it being created",
            DECISION_TO_DELIVERED_METER, "Time from an article's publication to its notice's delivery");

    private PipelineLatency() {
    }

    /** The stage's timer; from 10 ms to two days, as a notice may wait for a daily digest or a webhook's last retry. */
    public static Timer timer(MeterRegistry meters, String meter, String... tags) {
        String description = DESCRIPTIONS.get(meter);
        if (description == null) {
            throw new IllegalArgumentException("not a pipeline meter: " + meter);
        }
        return Timer.builder(meter).description(description).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(2))
                .register(meters);
    }

    /** Records the span from {@code from} to {@code to}; nothing when either is unknown or the span is negative. */
    public static void record(MeterRegistry meters, String meter, Instant from, Instant to, String... tags) {
        record(timer(meters, meter, tags), from, to);
    }

    public static void record(Timer timer, Instant from, Instant to) {
        if (from != null && to != null && !from.isAfter(to)) {
            timer.record(Duration.between(from, to));
        }
    }
}
