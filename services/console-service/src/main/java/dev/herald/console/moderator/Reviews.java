package dev.herald.console.moderator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What moderation answers about reviews, as far as the moderator's pages use it. */
public final class Reviews {

    private Reviews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(String status, long total, int page, int size, List<Row> reviews) {
        public Queue {
            reviews = reviews == null ? List.of() : reviews;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String id, String status, Integer revision, String unit, String channel, String title, Instant submittedAt,
                      String verdict, Integer score, Claim claim, Boolean important) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(String moderator, Instant claimedAt, Instant expiresAt, String stage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String id, String status, Integer revision, Article article, Instant submittedAt, Instant decidedAt,
                         String moderator, String note, String reasonCode, String reason, String changesRequested,
                         Claim claim, Screening screening, Article draft, List<PastRevision> history, List<AuditEntry> audit) {
        public Detail {
            history = history == null ? List.of() : history;
            audit = audit == null ? List.of() : audit;
        }

        /** The article as the current stage decides it: the unit's, with an earlier stage's edits if any. */
        public Article decided() {
            return draft == null ? article : draft;
        }
    }

    /** A revision a moderator sent back, as it was then. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PastRevision(Integer revision, Article article, Instant submittedAt, String verdict, Integer score,
                               String changesRequested) {
    }

    /** One thing that happened to the review, in moderation's words ({@code action} is its code, e.g. claim-renewed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEntry(Instant at, String actor, String action, Integer revision, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Article(String unit, String channel, String title, String body, String contributor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Screening(String verdict, Integer score, List<Finding> findings, String cleanedBody, String duplicateOf) {
        public Screening {
            findings = findings == null ? List.of() : findings;
        }
    }

    /** One problem screening found, at the span {@code [start, end)} of {@code field} as submitted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String kind, String severity, String message, String field, Integer start, Integer end) {
    }
}
