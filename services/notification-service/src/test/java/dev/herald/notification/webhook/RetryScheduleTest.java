package dev.herald.notification.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Random RANDOM = new Random(7);

    private final RetrySchedule svix = new RetrySchedule(WebhookProperties.SVIX_SCHEDULE, 0, Duration.ofHours(10));

    @Test
    void withoutJitterEachFailureWaitsTheNextStepUntilTheStepsRunOut() {
        assertThat(svix.attempts()).isEqualTo(8);
        assertThat(svix.first(RANDOM)).isZero();
        assertThat(svix.afterFailures(1, null, RANDOM)).contains(Duration.ofSeconds(5));
        assertThat(svix.afterFailures(2, null, RANDOM)).contains(Duration.ofMinutes(5));
        assertThat(svix.afterFailures(3, null, RANDOM)).contains(Duration.ofMinutes(30));
        assertThat(svix.afterFailures(4, null, RANDOM)).contains(Duration.ofHours(2));
        assertThat(svix.afterFailures(5, null, RANDOM)).contains(Duration.ofHours(5));
        assertThat(svix.afterFailures(6, null, RANDOM)).contains(Duration.ofHours(10));
        assertThat(svix.afterFailures(7, null, RANDOM)).contains(Duration.ofHours(10));
        assertThat(svix.afterFailures(8, null, RANDOM)).isEmpty();
    }

    @Test
    void jitterSpreadsEachWaitWithinTheFractionEitherWay() {
        var jittered = new RetrySchedule(List.of(Duration.ZERO, Duration.ofMinutes(10)), 0.2, Duration.ofHours(1));

        var waits = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> jittered.afterFailures(1, null, RANDOM).orElseThrow().toMillis()).toList();

        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(480_000L, 720_000L));
        assertThat(waits.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(500_000L);
        assertThat(waits.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(700_000L);
        assertThat(waits.stream().distinct().count()).isGreaterThan(500);
        // "immediately" stays immediate
        assertThat(jittered.first(RANDOM)).isZero();
    }

    @Test
    void retryAfterDefersTheNextAttemptButNeverHastensIt() {
        assertThat(svix.afterFailures(1, Duration.ofSeconds(90), RANDOM)).contains(Duration.ofSeconds(90));
        assertThat(svix.afterFailures(3, Duration.ofSeconds(90), RANDOM)).contains(Duration.ofMinutes(30));
        assertThat(svix.afterFailures(1, Duration.ZERO, RANDOM)).contains(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterBeyondTheCapWaitsOnlyTheCap() {
        assertThat(svix.afterFailures(1, Duration.ofDays(30), RANDOM)).contains(Duration.ofHours(10));
    }

    @Test
    void retryAfterOnTheLastAttemptDoesNotBuyAnotherOne() {
        assertThat(svix.afterFailures(8, Duration.ofSeconds(1), RANDOM)).isEmpty();
    }
}
