package dev.herald.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When each attempt of a message is due: {@code waits.get(n)} before attempt n+1, the first counted from
 * when the message is owed and each later one from the failure before it, every wait moved at random by
 * up to {@code jitter} of itself. A receiver's Retry-After pushes the next attempt back, never forward.
 */
record RetrySchedule(List<Duration> waits, double jitter, Duration maxRetryAfter) {

    RetrySchedule {
        waits = List.copyOf(waits);
    }

    int attempts() {
        return waits.size();
    }

    Duration first(RandomGenerator random) {
        return jittered(waits.getFirst(), random);
    }

    /**
     * The wait after the given number of attempts all failed, or empty when that was the last one.
     *
     * @param retryAfter what the receiver asked for, or null
     */
    Optional<Duration> afterFailures(int failedAttempts, Duration retryAfter, RandomGenerator random) {
        if (failedAttempts >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = jittered(waits.get(failedAttempts), random);
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return Optional.of(wait);
    }

    private Duration jittered(Duration wait, RandomGenerator random) {
        if (jitter == 0 || wait.isZero()) {
            return wait;
        }
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
