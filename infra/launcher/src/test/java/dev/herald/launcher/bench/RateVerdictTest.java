package dev.herald.launcher.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class RateVerdictTest {

    private static OpenLoop.Tally sent(int rate, int refused) throws InterruptedException {
        return new OpenLoop(rate, Duration.ofSeconds(1), Duration.ofMillis(50), new OpenLoopTest.FakeTicker())
                .run(k -> CompletableFuture.completedFuture(k >= refused));
    }

    private static PipelineBench.RateResult result(int rate, int refused, boolean stagesBounded) throws InterruptedException {
        Map<PipelineBench.Stage, PipelineBench.StageResult> stages = new EnumMap<>(PipelineBench.Stage.class);
        for (PipelineBench.Stage stage : PipelineBench.Stage.values()) {
            boolean bounded = stagesBounded || stage != PipelineBench.Stage.APPROVED_TO_SEARCHABLE;
            stages.put(stage, new PipelineBench.StageResult(new BucketHistogram(new TreeMap<>(), rate, rate * 0.2), rate,
                    new LagRule.Verdict(bounded, 0.2, bounded ? 0.2 : 3, 1, bounded ? "bounded" : "mean lag grew")));
        }
        return new PipelineBench.RateResult(rate, 1, sent(rate, refused), sent(rate, 0), 0, stages);
    }

    @Test
    void aRateIsBoundedOnlyIfEveryStageIsAndThePlatformAcknowledgedEverySend() throws Exception {
        assertThat(result(25, 0, true).bounded()).isTrue();
        assertThat(result(50, 0, false).bounded()).isFalse();
        assertThat(result(100, 1, true).bounded()).isFalse();
    }

    @Test
    void theVerdictNamesTheHighestBoundedRateAndTheRuleItWasJudgedBy() throws Exception {
        String verdict = Tables.verdict(List.of(result(25, 0, true), result(50, 0, true), result(100, 0, false), result(200, 3, true)),
                LagRule.DEFAULT);

        assertThat(verdict).startsWith("Highest rate with bounded lag: 50/s.")
                .contains("drained within 15 s").contains("at most 1.5× the first third's + 250 ms");
        assertThat(Tables.verdict(List.of(result(25, 0, false)), LagRule.DEFAULT)).contains("none of the rates tried");
    }

    @Test
    void theStageTableHasOneRowPerRateAndStageForPastingIntoTheDocs() throws Exception {
        String table = Tables.stages(List.of(result(25, 0, true), result(50, 0, false)), null);

        assertThat(table.lines().filter(l -> l.startsWith("| 25 |"))).hasSize(4);
        assertThat(table.lines().filter(l -> l.startsWith("| 50 | approved → searchable |")).findFirst()).get().asString()
                .endsWith("| mean lag grew |");
    }

    @Test
    void notificationCountersAreSummedOverSeriesOfTheChannelAndCreatedOutcomeOnly() {
        String exposition = """
                herald_notifications_total{application="notification-service",channel="inbox",outcome="created"} 120.0
                herald_notifications_total{application="notification-service-2",channel="inbox",outcome="created"} 30.0
                herald_notifications_total{application="notification-service",channel="webhook",outcome="created"} 7.0
                herald_notifications_total{application="notification-service",channel="webhook",outcome="delivered"} 5.0
                herald_notifications_matches_total{application="notification-service"} 999.0
                """;

        assertThat(FanoutRound.counter(exposition, "inbox")).isEqualTo(150.0);
        assertThat(FanoutRound.counter(exposition, "webhook")).isEqualTo(7.0);
    }
}
