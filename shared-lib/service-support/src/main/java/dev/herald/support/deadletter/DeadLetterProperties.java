package dev.herald.support.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param enabled       record this service's dead letters and serve {@code /api/admin/dead-letters}
 * @param group         the consumer group that reads the dead-letter topics; by default
 *                      {@code <spring.application.name>.dead-letters}, one group per service
 * @param depthInterval how often the depth gauges are recounted, for changes made by other instances
 * @param replayLease   how long a replay holds its dead letter against a concurrent replay or discard;
 *                      a replay that crashed frees it after this long
 * @param retryInterval how long the recorder waits before it tries again to store a dead letter (store down)
 */
@ConfigurationProperties("herald.dead-letters")
public record DeadLetterProperties(Boolean enabled, String group, Duration depthInterval, Duration replayLease,
                                   Duration retryInterval) {

    public DeadLetterProperties {
        enabled = enabled == null || enabled;
        depthInterval = depthInterval == null ? Duration.ofSeconds(15) : depthInterval;
        replayLease = replayLease == null ? Duration.ofMinutes(2) : replayLease;
        retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
    }

    String groupOr(String applicationName) {
        return group == null || group.isBlank() ? applicationName + ".dead-letters" : group;
    }
}
