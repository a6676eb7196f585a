package dev.herald.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections  the MongoDB collections whose documents carry an {@code outbox} array
 * @param pollInterval how often the relay looks for pending events
 * @param source       the CloudEvents source of what this service emits
 */
@ConfigurationProperties("herald.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, String source) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
    }
}
