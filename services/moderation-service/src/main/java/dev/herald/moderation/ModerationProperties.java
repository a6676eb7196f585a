package dev.herald.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param claimLease how long a moderator's claim on a review lasts before others may take it
 */
@ConfigurationProperties("herald.moderation")
public record ModerationProperties(Duration claimLease) {

    public ModerationProperties {
        claimLease = claimLease == null ? Duration.ofMinutes(15) : claimLease;
    }
}
