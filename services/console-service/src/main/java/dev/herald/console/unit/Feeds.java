package dev.herald.console.unit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What ingest answers about a unit's feeds (RSS or Atom it polls and drafts from), as far as the unit's pages use it. */
public final class Feeds {

    private Feeds() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(List<Feed> feeds) {
        public Listing {
            feeds = feeds == null ? List.of() : feeds;
        }
    }

    /** A feed with its health as of now (NEW, FAILING, QUIET or OK) and what its polls came to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feed(String id, String url, String title, String status, String health, Long intervalMinutes,
                       Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                       Integer consecutiveFailures, LastItem lastItem, Long itemsImported, Long itemsSkipped, Instant createdAt) {
        public boolean paused() {
            return "PAUSED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastItem(String title, String link, Instant publishedAt, Instant importedAt) {
    }

    /** What one poll asked for by the unit came to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Polled(String outcome, Integer added, Integer skipped, Integer failed, String error) {
    }

    /** The registration form as typed, kept to show it again beside a refusal. */
    public record Typed(String url, String intervalMinutes) {
    }
}
