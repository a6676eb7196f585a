package dev.herald.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections   the MongoDB collections whose documents carry an {@code outbox} array
 * @param pollInterval  how long the relay waits for a save's hint before checking whether a sweep is due
 * @param sweepInterval how often the relay scans every outbox collection for events no hint announced
 * @param source        the CloudEvents source of what this service emits
 * @param claimLease    how long a relay holds a document it sends from before another instance may take it
 *                      over: longer than one send can take (the producer's {@code delivery.timeout.ms} plus
 *                      its 5 s margin), as a send still under way when its claim lapses may land after the
 *                      new owner's later events; also how long a dead instance's documents wait
 * @param instance      a name for this relay that no other running instance has and that a restart keeps
 *                      (a StatefulSet pod's name, a host and port): a restarted relay takes over the claims
 *                      its killed predecessor left at once instead of waiting out their lease. Unset (no
 *                      such name) means every restart waits, which is always safe
 * @param batchSize     how many documents the relay claims, sends from and marks sent together: a page
 *                      costs three store writes however many events it holds, where each event cost three
 * @param senders       how many sends may be in flight at once, each for events of a different record key
 *                      (a key's events are sent one after the other, each acknowledged before the next)
 */
@ConfigurationProperties("herald.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration sweepInterval, String source,
                               Duration claimLease, String instance, int batchSize, int senders) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
        instance = instance == null || instance.isBlank() ? null : instance.strip();
        batchSize = batchSize > 0 ? batchSize : 100;
        senders = senders > 0 ? senders : 8;
    }
}
