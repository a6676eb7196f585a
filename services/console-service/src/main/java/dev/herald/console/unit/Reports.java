package dev.herald.console.unit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What ingest and notification answer about a unit's reports, as far as the unit's pages use it. */
public final class Reports {

    private Reports() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(String id, String status, Integer revision) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String status, Integer revision, String rejectionReason, String changesRequested,
                         String retractionReason, String unit, String channel, String title, String body, String contributor,
                         Instant submittedAt, Instant statusChangedAt, Boolean important) {
    }

    /** A page of the unit's reports in one status, as ingest's {@code GET /api/reports} lists them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listed(String status, long total, int page, int size, List<Report> reports) {
        public Listed {
            reports = reports == null ? List.of() : reports;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** The notices of what became of the unit's reports (published, rejected, sent back). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcomes(Long total, Integer page, Integer size, List<Notice> notifications) {
        public Outcomes {
            notifications = notifications == null ? List.of() : notifications;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String id, String kind, String articleId, String title, String channel, String message,
                         Instant createdAt) {
    }

    /** The submission form as typed, kept to show it again beside a refusal. */
    public record Draft(String channel, String title, String body, String contributor, boolean important, String key) {
    }
}
