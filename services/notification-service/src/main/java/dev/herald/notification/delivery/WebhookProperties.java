package dev.herald.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval   how often the dispatcher looks for deliveries that are due
 * @param batchSize      the most deliveries one pass attempts
 * @param connectTimeout how long to wait for the receiver's connection
 * @param timeout        how long to wait for the receiver's answer, counting from the request
 * @param maxAttempts    attempts before a delivery is given up as FAILED
 * @param initialBackoff the wait after the first failed attempt; each later wait is {@code multiplier} times longer
 * @param maxBackoff     the longest wait between attempts
 */
@ConfigurationProperties("herald.notification.webhook")
public record WebhookProperties(Duration pollInterval, Integer batchSize, Duration connectTimeout, Duration timeout,
                                Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff) {

    public WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        if (maxAttempts < 1 || batchSize < 1 || multiplier < 1.0) {
            throw new IllegalArgumentException("max-attempts and batch-size must be positive and multiplier at least 1");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** How long a claimed delivery stays hidden from other dispatchers: longer than any call can take. */
    Duration lease() {
        return connectTimeout.plus(timeout).plusSeconds(10);
    }
}
