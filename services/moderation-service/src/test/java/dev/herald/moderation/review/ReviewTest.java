package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.support.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of one review, without a database: claims, leases, decisions and revisions. */
class ReviewTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);

    private final Review review = Review.pending("rpt-1", article("标题", "正文"), 1, T0, screening(Verdict.CLEAN, 0));

    @Test
    void aClaimKeepsOtherModeratorsFromDecidingUntilItLapses() {
        review.claim("li.na", T0, LEASE);

        assertThatThrownBy(() -> review.approve("wang.fang", null, review.getArticle(), List.of(), T0.plusSeconds(60)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("claimed by li.na");
        assertThatThrownBy(() -> review.claim("wang.fang", T0.plusSeconds(60), LEASE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("li.na");

        review.claim("wang.fang", T0.plus(LEASE).plusSeconds(1), LEASE);

        assertThat(review.getClaim().moderator()).isEqualTo("wang.fang");
    }

    @Test
    void theHolderMayRenewReleaseOrDecide() {
        review.claim("li.na", T0, LEASE);
        review.claim("li.na", T0.plusSeconds(600), LEASE);
        assertThat(review.getClaim().claimedAt()).isEqualTo(T0);
        assertThat(review.getClaim().expiresAt()).isEqualTo(T0.plusSeconds(600).plus(LEASE));

        assertThatThrownBy(() -> review.release("wang.fang", T0.plusSeconds(700))).isInstanceOf(ConflictException.class);
        review.release("li.na", T0.plusSeconds(700));
        assertThatThrownBy(() -> review.release("li.na", T0.plusSeconds(701))).hasMessageContaining("not claimed");

        review.claim("li.na", T0.plusSeconds(800), LEASE);
        review.reject("li.na", RejectionCode.OFF_TOPIC, "与本单位无关", T0.plusSeconds(900));
        assertThat(review.getClaim()).isNull();
        assertThat(review.getAudit()).extracting(AuditEntry::action)
                .containsExactly("submitted", "claimed", "claim-renewed", "released", "claimed", "rejected");
    }

    @Test
    void aDecidedReviewCannotBeClaimedOrDecidedAgain() {
        review.approve("li.na", "属实", review.getArticle(), List.of(), T0);

        assertThatThrownBy(() -> review.claim("wang.fang", T0, LEASE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> review.requestChanges("wang.fang", "再改改", T0)).hasMessageContaining("not pending: APPROVED");
    }

    @Test
    void anEditedApprovalKeepsWhatWasSubmittedAndRecordsWhatChanged() {
        Article edited = article("改过的标题", "正文");

        review.approve("li.na", null, edited, List.of("title"), T0);

        assertThat(review.getArticle().title()).isEqualTo("标题");
        assertThat(review.getPublished().title()).isEqualTo("改过的标题");
        assertThat(review.getAudit()).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("edited", "title"));
    }

    @Test
    void aRevisionReentersTheSameReviewWithItsHistory() {
        review.claim("li.na", T0, LEASE);
        review.requestChanges("li.na", "请删去网页导航", T0.plusSeconds(60));

        review.revise(article("标题", "改好的正文"), 2, T0.plusSeconds(3600), screening(Verdict.NEEDS_ATTENTION, 4));

        assertThat(review.getStatus()).isEqualTo(ReviewStatus.PENDING);
        assertThat(review.getRevision()).isEqualTo(2);
        assertThat(review.getRevisedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(review.getSubmittedAt()).isEqualTo(T0);
        assertThat(review.getModerator()).isNull();
        assertThat(review.getHistory()).singleElement().satisfies(past -> {
            assertThat(past.revision()).isEqualTo(1);
            assertThat(past.article().body()).isEqualTo("正文");
            assertThat(past.changesRequested()).isEqualTo("请删去网页导航");
        });
        assertThat(review.getAudit()).extracting(AuditEntry::action, AuditEntry::revision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("submitted", 1), org.assertj.core.groups.Tuple.tuple("claimed", 1),
                org.assertj.core.groups.Tuple.tuple("changes-requested", 1), org.assertj.core.groups.Tuple.tuple("resubmitted", 2));
    }

    private static Article article(String title, String body) {
        return new Article("某医院党委", "党建动态", title, null, body, null, null, null, null, List.of(), List.of());
    }

    private static ScreeningResult screening(Verdict verdict, int score) {
        return new ScreeningResult(verdict, score, List.of(), "policy-1", "lexicon-x", null, 42L, null);
    }
}
