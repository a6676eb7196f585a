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
                      String verdict, Integer score, Claim claim, Boolean important, StageView stage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(String moderator, Instant claimedAt, Instant expiresAt, String stage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String id, String status, Integer revision, Article article, Instant submittedAt, Instant decidedAt,
                         String moderator, String note, String reasonCode, String reason, String changesRequested,
                         Claim claim, Screening screening, Article draft, List<PastRevision> history, List<AuditEntry> audit,
                         String workflow, List<Stage> stages, StageView stage, Boolean important, String importantReason,
                         List<SignOff> signOffs, Instant publishAt, String correction, List<Correction> corrections) {
        public Detail {
            history = history == null ? List.of() : history;
            audit = audit == null ? List.of() : audit;
            stages = stages == null ? List.of() : stages;
            signOffs = signOffs == null ? List.of() : signOffs;
            corrections = corrections == null ? List.of() : corrections;
        }

        public boolean isImportant() {
            return Boolean.TRUE.equals(important);
        }

        /** The last stage publishes, so only its sign-off may set a publication time (and a lone stage is the last). */
        public boolean atLastStage() {
            return stage == null || stage.number() >= stage.of();
        }

        /** The stage an approval sends the review on to; null at the last, whose approval publishes. */
        public String nextStage() {
            return atLastStage() || stage.number() >= stages.size() ? null : stages.get(stage.number()).name();
        }

        /** The stages before the current one: where moderation lets a review be sent back to. */
        public List<Stage> earlierStages() {
            int before = stage == null ? 0 : Math.max(0, Math.min(stages.size(), stage.number() - 1));
            return stages.subList(0, before);
        }

        /** Who decided the named stage of the current revision, and how; an earlier revision's sign-offs are history. */
        public List<SignOff> signOffsAt(String stageName) {
            return signOffs.stream().filter(o -> stageName.equals(o.stage()) && revision != null && revision.equals(o.revision())).toList();
        }

        /** The article as the current stage decides it: the unit's, with an earlier stage's edits if any. */
        public Article decided() {
            return draft == null ? article : draft;
        }
    }

    /** One step of the channel's workflow (初审, 复审, 终审, 签发): who decides it, and whether it is the 保密审查. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stage(String name, String role, boolean confidentiality) {
    }

    /** The stage the revision waits in (the last it passed once decided): its place among {@code of}, and since when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StageView(String name, String role, boolean confidentiality, int number, int of, Instant since) {
    }

    /** One decision on one stage of one revision ({@code decision}: APPROVED, SENT_BACK, CHANGES_REQUESTED, REJECTED). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignOff(Integer revision, String stage, String by, String role, Instant at, String decision,
                          boolean confidentialityReview, String note) {
    }

    /** A correction (更正) once published: the publication it made, when, and the unit's note saying what changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Correction(Integer version, Instant at, String note) {
    }

    /** The unit's own sign-off (本单位审核) as ingest keeps it on the report; null fields when the unit signs off nothing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitReport(String signedOffBy, Instant signedOffAt) {
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
