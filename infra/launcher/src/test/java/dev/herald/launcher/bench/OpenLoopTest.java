package dev.herald.launcher.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    /** A clock that moves only when the loop waits or a send takes time. */
    static final class FakeTicker implements OpenLoop.Ticker {
        long now;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            now = Math.max(now, nanos);
        }

        void advanceMillis(long millis) {
            now += millis * 1_000_000;
        }
    }

    private final FakeTicker clock = new FakeTicker();
    private final OpenLoop tenASecondForASecond = new OpenLoop(10, Duration.ofSeconds(1), Duration.ofMillis(50), clock);

    @Test
    void sendsStartAtTheirSlotsWhileEveryAnswerIsStillOutstanding() throws Exception {
        List<Long> startedAt = new ArrayList<>();
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();

        OpenLoop.Tally tally = tenASecondForASecond.run(k -> {
            startedAt.add(clock.nanos() / 1_000_000);
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });

        assertThat(startedAt).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
        assertThat(tally.sent()).isEqualTo(10);
        assertThat(tally.late()).isZero();
        assertThat(tally.unanswered()).isEqualTo(10);
        assertThat(tally.sentPerSecond()).isEqualTo(10.0);
    }

    @Test
    void aSendThatCouldNotStartOnTimeIsCountedLateAndTheScheduleDoesNotShift() throws Exception {
        List<Long> startedAt = new ArrayList<>();

        OpenLoop.Tally tally = tenASecondForASecond.run(k -> {
            startedAt.add(clock.nanos() / 1_000_000);
            if (k == 2) clock.advanceMillis(250); // the harness itself was held up
            return CompletableFuture.completedFuture(true);
        });

        // send 3 was due at 300 ms and started at 450; send 4, due at 400, is within the 50 ms allowed
        assertThat(startedAt).containsExactly(0L, 100L, 200L, 450L, 450L, 500L, 600L, 700L, 800L, 900L);
        assertThat(tally.late()).isEqualTo(1);
        assertThat(tally.worstStartDelayMillis()).isEqualTo(150.0);
        assertThat(tally.sent()).isEqualTo(10);
    }

    @Test
    void answersAreCountedAsTheyComeAndTimedFromTheSlotTheirSendWasDueIn() throws Exception {
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        OpenLoop.Tally tally = tenASecondForASecond.run(k -> {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });

        clock.now = 5_000_000_000L;
        answers.get(9).complete(true); // due at 900 ms, answered at 5 s
        for (int k = 0; k < 6; k++) answers.get(k).complete(true);
        answers.get(6).complete(false); // refused
        answers.get(7).completeExceptionally(new RuntimeException("connection refused"));

        assertThat(tally.acknowledged()).isEqualTo(7);
        assertThat(tally.failed()).isEqualTo(2);
        assertThat(tally.unanswered()).isEqualTo(1);
        assertThat(tally.answerMillis(0)).isEqualTo(4_100.0);
        assertThat(tally.answerMillis(1)).isEqualTo(5_000.0);
        assertThat(tally.acknowledgedPerSecond()).isEqualTo(7.0);
    }

    @Test
    void aSendThatThrowsInsteadOfStartingIsAFailureAndTheLoopGoesOn() throws Exception {
        OpenLoop.Tally tally = tenASecondForASecond.run(k -> {
            if (k % 2 == 0) throw new IllegalStateException("no id for this report");
            return CompletableFuture.completedFuture(true);
        });

        assertThat(tally.sent()).isEqualTo(10);
        assertThat(tally.failed()).isEqualTo(5);
        assertThat(tally.acknowledged()).isEqualTo(5);
    }

    @Test
    void theNumberOfSendsIsTheRateTimesTheDuration() {
        assertThat(new OpenLoop(25, Duration.ofSeconds(60), Duration.ofMillis(50), clock).sends()).isEqualTo(1_500);
        assertThat(new OpenLoop(5, Duration.ofSeconds(3), Duration.ofMillis(50), clock).dueOffset(4)).isEqualTo(800_000_000L);
    }
}
