package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.moderation.workflow.Stage;

import java.time.Instant;
import java.util.List;

/** What the review API answers. */
final class ReviewViews {

    private ReviewViews() {
    }

    /** A queue row: enough to choose what to open next, and to see who already holds it. */
    record Summary(String id, ReviewStatus status, int revision, String unit, String channel, String title,
                   Instant submittedAt, Instant revisedAt, Instant decidedAt, Verdict verdict, Integer score,
                   Claim claim, StageView stage, boolean important, Instant publishAt, String correction) {
        static Summary of(Review r, Instant now) {
            ScreeningResult s = r.getScreening();
            return new Summary(r.getId(), r.getStatus(), r.getRevision(), r.getArticle().unit(), r.getArticle().channel(),
                    r.getArticle().title(), r.getSubmittedAt(), r.getRevisedAt(), r.getDecidedAt(),
                    s == null ? null : s.verdict(), s == null ? null : s.score(), liveClaim(r, now), StageView.of(r), r.isImportant(),
                    r.getPublishAt(), r.getCorrection());
        }
    }

    /**
     * Where a revision stands: the stage it waits in (the last one it passed once decided), its place
     * among them, and since when.
     */
    record StageView(String name, String role, boolean confidentiality, int number, int of, Instant since) {
        static StageView of(Review r) {
            Stage s = r.currentStage();
            List<Stage> route = r.route();
            return new StageView(s.name(), s.role(), s.confidentiality(), route.indexOf(s) + 1, route.size(), r.getStageEnteredAt());
        }
    }

    /**
     * @param article   the current revision as the unit submitted it
     * @param published the article as approved, with the moderator's edits; null until approved
     * @param publishAt the time a scheduled publication leaves (SCHEDULED), or left
     * @param correction  the unit's note while the revision under review corrects the published article (更正)
     * @param corrections the corrections published so far, the earliest first
     */
    record Detail(String id, ReviewStatus status, int revision, Article article, Article published, Instant submittedAt,
                  Instant revisedAt, Instant decidedAt, String moderator, String note, RejectionCode reasonCode,
                  String reason, String changesRequested, Instant retractedAt, String retractionReason, Claim claim,
                  ScreeningResult screening, List<PastRevision> history, List<AuditEntry> audit, String workflow,
                  List<Stage> stages, StageView stage, boolean important, String importantReason, Article draft,
                  List<SignOff> signOffs, Instant publishAt, String correction, List<Correction> corrections) {
        static Detail of(Review r, Instant now) {
            return new Detail(r.getId(), r.getStatus(), r.getRevision(), r.getArticle(), r.getPublished(), r.getSubmittedAt(),
                    r.getRevisedAt(), r.getDecidedAt(), r.getModerator(), r.getNote(), r.getReasonCode(), r.getReason(),
                    r.getChangesRequested(), r.getRetractedAt(), r.getRetractionReason(), liveClaim(r, now), r.getScreening(), r.getHistory(), r.getAudit(),
                    r.getWorkflow(), r.route(), StageView.of(r), r.isImportant(), r.getImportantReason(), r.getDraft(), r.getSignOffs(),
                    r.getPublishAt(), r.getCorrection(), r.getCorrections());
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
