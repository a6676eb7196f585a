package dev.herald.notification.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Live inbox streams ({@code GET /api/subscribers/{subscriber}/notifications/stream}).
 *
 * @param pollInterval how often a stream reads its inbox for new notices, made by this instance or any other
 * @param heartbeat    how long a quiet stream waits before it sends a comment, so a reader gone away is noticed
 *                     and proxies that cut idle connections leave the stream open
 */
@ConfigurationProperties("herald.notification.stream")
public record StreamProperties(Duration pollInterval, Duration heartbeat) {

    public StreamProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(300) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
