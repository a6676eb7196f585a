package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.moderation.workflow.Roles;
import dev.herald.moderation.workflow.Route;
import dev.herald.moderation.workflow.Stage;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduled publication (定时发布) of one review, without a database: the sign-off's time, moving and cancelling it. */
class ScheduledReviewTest {

    static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
    static final Instant NINE_AM_BEIJING = Instant.parse("2026-12-04T01:00:00Z");
    static final Route TWO = new Route("二审", List.of(new Stage("初审", Roles.MODERATOR, false), new Stage("签发", Roles.LEADER, false)), null);
    static final Decider WANG = Decider.moderator("wang.fang");
    static final Decider ZHAO = new Decider("zhao.lei", List.of(Roles.LEADER));

    private final Review review = Review.pending("rpt-1", article(), 1, T0, screening(), TWO);

    @Test
    void theLastSignOffWithALaterTimeSchedulesThePublicationAndPublishesNothingYet() {
        review.approve(WANG, null, article(), List.of(), false, T0);

        assertThat(review.approve(ZHAO, "同意", article(), List.of(), false, T0.plusSeconds(60), NINE_AM_BEIJING)).isFalse();

        assertThat(review.getStatus()).isEqualTo(ReviewStatus.SCHEDULED);
        assertThat(review.getPublishAt()).isEqualTo(NINE_AM_BEIJING);
        assertThat(review.getPublications()).isZero();
        assertThat(review.getModerator()).isEqualTo("zhao.lei");
        assertThat(review.getAudit()).extracting(AuditEntry::action).endsWith("approved", "scheduled");
    }

    @Test
    void aScheduledPublicationLeavesOnceItIsDueAndOnlyOnce() {
        scheduled();

        assertThat(review.publishIfDue(NINE_AM_BEIJING.minusMillis(1))).isFalse();
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.SCHEDULED);
        assertThat(review.publishIfDue(NINE_AM_BEIJING)).isTrue();
        assertThat(review.publishIfDue(NINE_AM_BEIJING.plusSeconds(5))).isFalse();

        assertThat(review.getStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(review.getPublications()).isEqualTo(1);
        assertThat(review.getAudit()).filteredOn(e -> e.action().equals("published")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Review.SCHEDULER));
        assertThat(review.chain()).extracting(SignOff::by).containsExactly("wang.fang", "zhao.lei");
    }

    @Test
    void onlyTheLastStagesSignOffSetsAPublicationTime() {
        assertThatThrownBy(() -> review.approve(WANG, null, article(), List.of(), false, T0, NINE_AM_BEIJING))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("publishAt");
                    assertThat(e.getMessage()).contains("初审 is stage 1 of 2");
                });
        assertThat(review.currentStage().name()).isEqualTo("初审");
        assertThat(review.getSignOffs()).isEmpty();
    }

    @Test
    void aScheduledPublicationCanBeMovedAndAPastTimePublishesItNow() {
        scheduled();

        assertThat(review.reschedule("admin", NINE_AM_BEIJING.plus(Duration.ofHours(2)), T0.plusSeconds(120))).isFalse();
        assertThat(review.getPublishAt()).isEqualTo(NINE_AM_BEIJING.plus(Duration.ofHours(2)));
        assertThat(review.publishIfDue(NINE_AM_BEIJING)).isFalse();

        assertThat(review.reschedule("zhao.lei", T0, T0.plusSeconds(180))).isTrue();
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(review.getPublications()).isEqualTo(1);
        assertThat(review.getAudit()).extracting(AuditEntry::action).contains("schedule-moved", "published");
    }

    @Test
    void aCancelledPublicationWaitsInTheLastStageForANewSignOff() {
        scheduled();

        review.cancelSchedule("admin", T0.plusSeconds(120));

        assertThat(review.getStatus()).isEqualTo(ReviewStatus.PENDING);
        assertThat(review.currentStage().name()).isEqualTo("签发");
        assertThat(review.getPublishAt()).isNull();
        assertThat(review.getPublished()).isNull();
        assertThat(review.publishIfDue(NINE_AM_BEIJING)).isFalse();
        assertThat(review.approve(ZHAO, "改为立即发布", article(), List.of(), false, T0.plusSeconds(180))).isTrue();
        assertThat(review.chain()).extracting(SignOff::note).containsExactly(null, "改为立即发布");
    }

    @Test
    void onlyAScheduledPublicationCanBeMovedOrCancelledAndAScheduledReviewTakesNoMoreDecisions() {
        assertThatThrownBy(() -> review.cancelSchedule("admin", T0)).isInstanceOf(ConflictException.class).hasMessageContaining("PENDING");
        scheduled();

        assertThatThrownBy(() -> review.approve(ZHAO, null, article(), List.of(), false, T0.plusSeconds(90)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SCHEDULED");
        assertThatThrownBy(() -> review.retract("wang.fang", "错误", T0.plusSeconds(90))).isInstanceOf(ConflictException.class);
        review.publishIfDue(NINE_AM_BEIJING);
        assertThatThrownBy(() -> review.reschedule("admin", null, NINE_AM_BEIJING.plusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("APPROVED");
    }

    @Test
    void aPublicationTimeIsISO8601WithAnOffsetNotTooFarAheadAndThePastMeansNow() {
        Duration year = Duration.ofDays(366);

        assertThat(PublicationTime.parse("2026-12-04T09:00:00+08:00", T0, year)).isEqualTo(NINE_AM_BEIJING);
        assertThat(PublicationTime.parse("2026-12-04T01:00:00Z", T0, year)).isEqualTo(NINE_AM_BEIJING);
        assertThat(PublicationTime.parse(null, T0, year)).isNull();
        assertThat(PublicationTime.parse("2026-12-02T09:00:00+08:00", T0, year)).as("in the past: now").isNull();
        for (String wrong : List.of("2026-12-04T09:00:00", "2026-12-04", "明天上午九点", "2026-13-04T09:00:00+08:00", "2028-12-04T09:00:00+08:00")) {
            assertThatThrownBy(() -> PublicationTime.parse(wrong, T0, year)).as(wrong)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("publishAt"));
        }
    }

    private void scheduled() {
        review.approve(WANG, null, article(), List.of(), false, T0);
        review.approve(ZHAO, null, article(), List.of(), false, T0.plusSeconds(60), NINE_AM_BEIJING);
    }

    private static Article article() {
        return new Article("某医院党委", "党建动态", "标题", null, "正文", null, null, null, null, List.of(), List.of());
    }

    private static ScreeningResult screening() {
        return new ScreeningResult(Verdict.CLEAN, 0, List.of(), "policy-1", "lexicon-x", null, 42L, null);
    }
}
