package dev.herald.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param claimLease         how long a moderator's claim on a review lasts before others may take it: a claim
 *                           lapses on its own, so a moderator who walks away blocks a review for at most this long
 * @param queueDepthInterval how often the queue-depth gauges are recounted
 */
@ConfigurationProperties("herald.moderation")
public record ModerationProperties(Duration claimLease, Duration queueDepthInterval) {

    public ModerationProperties {
        claimLease = claimLease == null ? Duration.ofMinutes(15) : claimLease;
        queueDepthInterval = queueDepthInterval == null ? Duration.ofSeconds(15) : queueDepthInterval;
    }
}
