package dev.herald.support.deadletter;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An event a consumer of this service failed, as the binder's dead-letter record carried it.
 *
 * @param id        the dead-letter record's own coordinates, {@code <dlq topic>-<partition>-<offset>}: a
 *                  redelivered record is recognised, and the id names the service across the platform
 * @param topic     the original topic; {@code partition} and {@code offset} are the original's too
 * @param consumer  the function that failed it, see {@link DeadLetterSource#consumer()}
 * @param failedAt  when the binder dead-lettered it
 * @param headers   the original record's headers, without the binder's {@code x-original-*} and
 *                  {@code x-exception-*} additions
 * @param claim     the token of the replay under way, if any, which holds it until {@code claimedUntil}
 */
@Document(DeadLetter.COLLECTION)
@CompoundIndex(name = "open_by_topic", def = "{'status': 1, 'topic': 1, 'failedAt': -1}")
@CompoundIndex(name = "original", def = "{'topic': 1, 'partition': 1, 'offset': 1, 'group': 1}")
public record DeadLetter(@Id String id, String topic, int partition, long offset, String consumer, String group,
                         String key, String dlqTopic, Instant failedAt, Instant recordedAt, Reason reason,
                         byte[] payload, List<Header> headers, DeadLetterStatus status, List<Replay> replays,
                         Instant discardedAt, String discardedBy, String claim, Instant claimedUntil) {

    static final String COLLECTION = "dead_letters";

    public DeadLetter {
        headers = headers == null ? List.of() : headers;
        replays = replays == null ? List.of() : replays;
    }

    /**
     * Why the consumer failed it, from the binder's {@code x-exception-*} headers.
     *
     * @param rootCause the innermost cause in the stack trace, which names the actual failure where the
     *                  exception itself is the framework's wrapper
     */
    public record Reason(String exception, String message, String rootCause, String stackTrace) {
    }

    public record Header(String name, byte[] value) {
    }

    /** @param outcome REPLAYED or FAILING; {@code reason} says why it failed again */
    public record Replay(Instant at, String by, DeadLetterStatus outcome, String reason) {
    }
}
