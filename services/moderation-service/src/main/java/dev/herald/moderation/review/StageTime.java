package dev.herald.moderation.review;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;

/** How long a revision waited in the stage it is leaving, read before the decision moves it on. */
record StageTime(String stage, Instant entered) {

    static StageTime of(Review review) {
        return new StageTime(review.currentStage().name(), review.getStageEnteredAt());
    }

    /** Recorded once the decision is stored, so a refused or lost decision counts nothing. */
    void record(MeterRegistry meters, Instant left) {
        Timer.builder("herald.moderation.stage.time")
                .description("Time a revision spent in one review stage, from entering it to the decision that ended it")
                .tag("stage", stage)
                .register(meters)
                .record(Duration.between(entered, left));
    }
}
