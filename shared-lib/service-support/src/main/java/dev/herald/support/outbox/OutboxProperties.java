package dev.herald.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections  the MongoDB collections whose documents carry an {@code outbox} array
 * @param pollInterval  how long the relay waits for a save's hint before checking whether a sweep is due
 * @param sweepInterval how often the relay scans every outbox collection for events no hint announced
 * @param source        the CloudEvents source of what this service emits
 */
@ConfigurationProperties("herald.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration sweepInterval, String source) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
}
