package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;

import java.time.Instant;
import java.util.List;

/** What the review API answers. */
final class ReviewViews {

    private ReviewViews() {
    }

    /** A queue row: enough to choose what to open next, and to see who already holds it. */
    record Summary(String id, ReviewStatus status, int revision, String unit, String channel, String title,
                   Instant submittedAt, Instant revisedAt, Instant decidedAt, Verdict verdict, Integer score,
                   Claim claim) {
        static Summary of(Review r, Instant now) {
            ScreeningResult s = r.getScreening();
            return new Summary(r.getId(), r.getStatus(), r.getRevision(), r.getArticle().unit(), r.getArticle().channel(),
                    r.getArticle().title(), r.getSubmittedAt(), r.getRevisedAt(), r.getDecidedAt(),
                    s == null ? null : s.verdict(), s == null ? null : s.score(), liveClaim(r, now));
        }
    }

    /**
     * @param article   the current revision as the unit submitted it
     * @param published the article as approved, with the moderator's edits; null until approved
     */
    record Detail(String id, ReviewStatus status, int revision, Article article, Article published, Instant submittedAt,
                  Instant revisedAt, Instant decidedAt, String moderator, String note, RejectionCode reasonCode,
                  String reason, String changesRequested, Instant retractedAt, String retractionReason, Claim claim,
                  ScreeningResult screening, List<PastRevision> history, List<AuditEntry> audit) {
        static Detail of(Review r, Instant now) {
            return new Detail(r.getId(), r.getStatus(), r.getRevision(), r.getArticle(), r.getPublished(), r.getSubmittedAt(),
                    r.getRevisedAt(), r.getDecidedAt(), r.getModerator(), r.getNote(), r.getReasonCode(), r.getReason(),
                    r.getChangesRequested(), r.getRetractedAt(), r.getRetractionReason(), liveClaim(r, now), r.getScreening(), r.getHistory(), r.getAudit());
        }
    }

    record Queue(ReviewStatus status, long total, int page, int size, List<Summary> reviews) {
    }

    /** A lapsed claim is nobody's: showing it would send moderators away from a free review. */
    private static Claim liveClaim(Review r, Instant now) {
        Claim c = r.getClaim();
        return c != null && c.activeAt(now) ? c : null;
    }
}
