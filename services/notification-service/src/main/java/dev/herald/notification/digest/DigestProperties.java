package dev.herald.notification.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval how often the scheduler looks for windows that have closed
 * @param batchSize    the most windows one pass sends
 * @param grace        how long after its end a window is left open, for notices made in its last moments
 *                     that are still being stored
 * @param lease        how long a window being sent stays hidden from other instances
 */
@ConfigurationProperties("herald.notification.digest")
public record DigestProperties(Duration pollInterval, Integer batchSize, Duration grace, Duration lease) {

    public DigestProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        grace = grace == null ? Duration.ofSeconds(5) : grace;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        if (batchSize < 1 || grace.isNegative() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("batch-size and lease must be positive and grace not negative");
        }
    }
}
