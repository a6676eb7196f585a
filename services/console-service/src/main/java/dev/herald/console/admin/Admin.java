package dev.herald.console.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the services answer to an administrator, as far as the admin pages use it. */
public final class Admin {

    private Admin() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Units(List<Unit> units) {
        public Units {
            units = units == null ? List.of() : units;
        }
    }

    /** A contributing unit: the other names pages give it, the channels it may use (none: all), whether it is trusted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String name, List<String> aliases, String parent, List<String> channels, Boolean trusted, Boolean unitSignOff,
                       Long version, Instant updatedAt) {
        public Unit {
            aliases = aliases == null ? List.of() : aliases;
            channels = channels == null ? List.of() : channels;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channels(List<Channel> channels) {
        public Channels {
            channels = channels == null ? List.of() : channels;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String name, String description, Integer position, Long version, Instant updatedAt) {
    }

    /** The screening lexicon: the terms findings are raised for, the allowed ones they never are, its latest changes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lexicon(String version, Set<String> terms, Set<String> allowed, List<LexiconChange> changes) {
        public Lexicon {
            terms = terms == null ? Set.of() : terms;
            allowed = allowed == null ? Set.of() : allowed;
            changes = changes == null ? List.of() : changes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LexiconChange(Instant at, String by, String action, String entry) {
    }

    /** Search's dictionary: the phrases its segmenter keeps whole and the groups of words searched as one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dictionary(Long revision, Set<String> phrases, List<List<String>> synonyms, String updatedBy, Instant updatedAt) {
        public Dictionary {
            phrases = phrases == null ? Set.of() : phrases;
            synonyms = synonyms == null ? List.of() : synonyms;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Index(Integer documents, Long stored, String schema, Boolean rebuilding, Rebuild lastRebuild) {
        public boolean running() {
            return Boolean.TRUE.equals(rebuilding);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rebuild(Instant startedAt, Instant finishedAt, Long documents, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadLetters(Long total, Integer page, Integer size, List<DeadLetterSummary> deadLetters) {
        public DeadLetters {
            total = total == null ? 0 : total;
            page = page == null ? 0 : page;
            size = size == null || size <= 0 ? 20 : size;
            deadLetters = deadLetters == null ? List.of() : deadLetters;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadLetterSummary(String id, String status, String topic, String consumer, String key, Instant failedAt,
                                    String reason, Integer replays) {
        public boolean open() {
            return "PENDING".equals(status) || "FAILING".equals(status);
        }
    }

    /** One dead letter in full: why its consumer failed, what it carried, every replay. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadLetter(String id, String status, String topic, Integer partition, Long offset, String consumer, String key,
                             Instant failedAt, Reason reason, String payload, String payloadEncoding, Map<String, String> headers,
                             List<Replay> replays, Instant discardedAt, String discardedBy) {
        public DeadLetter {
            headers = headers == null ? Map.of() : headers;
            replays = replays == null ? List.of() : replays;
        }

        public boolean open() {
            return "PENDING".equals(status) || "FAILING".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String exception, String message, String rootCause, String stackTrace) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replay(Instant at, String by, String outcome, String reason) {
    }

    /** What a replay of many came to, counted by outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplayReport(Integer replayed, Integer alreadyReplayed, Integer failing, Integer busy) {
        public ReplayReport {
            replayed = replayed == null ? 0 : replayed;
            alreadyReplayed = alreadyReplayed == null ? 0 : alreadyReplayed;
            failing = failing == null ? 0 : failing;
            busy = busy == null ? 0 : busy;
        }
    }

    /** What one replay came to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replayed(String id, String outcome, String reason) {
    }
}
