package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.moderation.workflow.Roles;
import dev.herald.moderation.workflow.Route;
import dev.herald.moderation.workflow.Stage;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The rules of a review that passes several stages, without a database: order, four eyes, roles, send-back, escalation. */
class StagedReviewTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);
    static final Route THREE = new Route("三审", List.of(new Stage("初审", Roles.MODERATOR, false),
            new Stage("复审", Roles.MODERATOR, true), new Stage("终审", Roles.LEADER, false)),
            new Stage("主要领导签发", Roles.LEADER, false));

    static final Decider WANG = Decider.moderator("wang.fang");
    static final Decider LI = Decider.moderator("li.na");
    static final Decider ZHAO = new Decider("zhao.lei", List.of(Roles.LEADER));
    static final Decider QIAN = new Decider("qian.hui", List.of(Roles.LEADER));
    static final Decider SUN = new Decider("sun.min", List.of(Roles.MODERATOR, Roles.LEADER));

    private final Review review = Review.pending("rpt-1", article("正文"), 1, T0, screening(), THREE);

    @Test
    void aReportEntersTheFirstStageAndOnlyTheLastApprovalPublishesIt() {
        assertThat(review.currentStage().name()).isEqualTo("初审");

        assertThat(approve(WANG, false, T0.plusSeconds(60))).isFalse();
        assertThat(review.currentStage().name()).isEqualTo("复审");
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.PENDING);
        assertThat(approve(LI, true, T0.plusSeconds(120))).isFalse();
        assertThat(approve(ZHAO, false, T0.plusSeconds(180))).isTrue();

        assertThat(review.getStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(review.getModerator()).isEqualTo("zhao.lei");
        assertThat(review.getPublications()).isEqualTo(1);
        assertThat(review.chain()).extracting(SignOff::stage, SignOff::by, SignOff::role, SignOff::confidentialityReview)
                .containsExactly(tuple("初审", "wang.fang", "MODERATOR", false), tuple("复审", "li.na", "MODERATOR", true),
                        tuple("终审", "zhao.lei", "LEADER", false));
    }

    @Test
    void nobodyDecidesTwoStagesOfOneRevisionAndTheRefusalSaysWhy() {
        approve(WANG, false, T0);

        assertThatThrownBy(() -> approve(WANG, true, T0.plusSeconds(60))).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.type()).isEqualTo(Review.FOUR_EYES);
            assertThat(e.getMessage()).contains("wang.fang decided 初审", "may not decide 复审");
        });
        assertThatThrownBy(() -> review.claim(WANG, T0.plusSeconds(60), LEASE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> review.reject(WANG, RejectionCode.POLICY, "不宜发布", T0.plusSeconds(60)))
                .isInstanceOf(ConflictException.class);
        assertThat(review.currentStage().name()).isEqualTo("复审");
    }

    @Test
    void aStageIsDecidedOnlyUnderTheRoleItNames() {
        approve(WANG, false, T0);

        assertThatThrownBy(() -> approve(ZHAO, true, T0.plusSeconds(60))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("复审", "MODERATOR");
        approve(LI, true, T0.plusSeconds(60));
        assertThatThrownBy(() -> approve(LI, false, T0.plusSeconds(120))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theConfidentialityReviewsSignOffMustSayItWasDone() {
        approve(WANG, false, T0);

        assertThatThrownBy(() -> approve(LI, false, T0.plusSeconds(60))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("保密审查");
        approve(LI, true, T0.plusSeconds(60));

        assertThat(review.getSignOffs()).extracting(SignOff::stage, SignOff::confidentialityReview)
                .containsExactly(tuple("初审", false), tuple("复审", true));
    }

    @Test
    void aClaimCoversOneStageOnly() {
        review.claim(WANG, T0, LEASE);
        assertThat(review.getClaim().stage()).isEqualTo("初审");
        approve(WANG, false, T0.plusSeconds(60));

        assertThat(review.getClaim()).isNull();
        review.claim(LI, T0.plusSeconds(61), LEASE);
        assertThat(review.getClaim().stage()).isEqualTo("复审");
        assertThatThrownBy(() -> review.claim(SUN, T0.plusSeconds(62), LEASE)).hasMessageContaining("claimed by li.na");
    }

    @Test
    void aLaterStageSendsTheRevisionBackAndTheEarlierStageDecidesItAgain() {
        approve(WANG, false, T0);
        approve(LI, true, T0.plusSeconds(60));

        assertThatThrownBy(() -> review.sendBack(ZHAO, "终审", "再看看", T0.plusSeconds(90)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("初审, 复审");
        review.sendBack(ZHAO, "初审", "标题与正文不符，请再核", T0.plusSeconds(120));

        assertThat(review.currentStage().name()).isEqualTo("初审");
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.PENDING);
        // the one who decided 初审 may decide it again; the one who decided 复审 may not now decide 初审
        assertThatThrownBy(() -> approve(LI, false, T0.plusSeconds(150))).isInstanceOf(ConflictException.class);
        approve(WANG, false, T0.plusSeconds(180));
        approve(LI, true, T0.plusSeconds(240));
        // sending back was the leader's decision of 终审, so the leader may decide 终审 again
        assertThat(approve(ZHAO, false, T0.plusSeconds(300))).isTrue();

        assertThat(review.getAudit()).extracting(AuditEntry::action).contains("sent-back");
        assertThat(review.chain()).extracting(SignOff::stage, SignOff::at).containsExactly(
                tuple("初审", T0.plusSeconds(180)), tuple("复审", T0.plusSeconds(240)), tuple("终审", T0.plusSeconds(300)));
    }

    @Test
    void theFirstStageHasNothingToSendBackTo() {
        assertThatThrownBy(() -> review.sendBack(WANG, "初审", "?", T0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("there is none");
    }

    @Test
    void anImportantReportNeedsTheEscalationStageAfterTheOthers() {
        review.markImportant("wang.fang", "涉及重大活动", T0);
        review.markImportant("li.na", "再标一次", T0);
        approve(WANG, false, T0);
        approve(LI, true, T0.plusSeconds(60));

        assertThat(approve(ZHAO, false, T0.plusSeconds(120))).isFalse();
        assertThat(review.currentStage().name()).isEqualTo("主要领导签发");
        assertThatThrownBy(() -> approve(ZHAO, false, T0.plusSeconds(150))).isInstanceOf(ConflictException.class);
        assertThat(approve(QIAN, false, T0.plusSeconds(180))).isTrue();

        assertThat(review.getImportantReason()).isEqualTo("涉及重大活动");
        assertThat(review.chain()).extracting(SignOff::stage).containsExactly("初审", "复审", "终审", "主要领导签发");
    }

    @Test
    void aRevisionStartsAgainAtTheFirstStageAndKeepsTheEarlierDecisions() {
        approve(WANG, false, T0);
        review.requestChanges(LI, "请补充时间地点", T0.plusSeconds(60));

        review.revise(article("补充后的正文"), 2, T0.plusSeconds(3600), screening(), THREE);

        assertThat(review.currentStage().name()).isEqualTo("初审");
        // a new revision is new work: who decided the last one may decide any stage of this one
        approve(LI, false, T0.plusSeconds(3700));
        approve(WANG, true, T0.plusSeconds(3800));
        assertThat(review.getSignOffs()).extracting(SignOff::revision, SignOff::stage, SignOff::decision).containsExactly(
                tuple(1, "初审", "APPROVED"), tuple(1, "复审", "CHANGES_REQUESTED"),
                tuple(2, "初审", "APPROVED"), tuple(2, "复审", "APPROVED"));
        assertThat(review.chain()).extracting(SignOff::revision).containsOnly(2);
    }

    @Test
    void aChannelWithoutAWorkflowHasOneStageAnyModeratorDecides() {
        Review single = Review.pending("rpt-2", article("正文"), 1, T0, screening());

        assertThat(single.approve(WANG, null, single.getArticle(), List.of(), false, T0)).isTrue();
        assertThat(single.chain()).extracting(SignOff::stage, SignOff::role).containsExactly(tuple("审核", "MODERATOR"));
    }

    private boolean approve(Decider by, boolean confidentialityChecked, Instant at) {
        return review.approve(by, null, review.getDraft(), List.of(), confidentialityChecked, at);
    }

    private static Article article(String body) {
        return new Article("某医院党委", "党建动态", "标题", null, body, null, null, null, null, List.of(), List.of());
    }

    private static ScreeningResult screening() {
        return new ScreeningResult(Verdict.CLEAN, 0, List.of(), "policy-1", "lexicon-x", null, 42L, null);
    }
}
