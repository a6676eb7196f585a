package dev.herald.moderation.review;

import dev.herald.events.ArticleSubmitted;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.moderation.ModerationProperties;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningPolicy;
import dev.herald.moderation.workflow.WorkflowService;
import dev.herald.support.outbox.Outbox;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code herald.pipeline.submission-to-review}: moderation times each review it opens from the submission's
 * own time, as the event carries it, on a clock of its own (the same context as the other review tests).
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class SubmissionToReviewTimeTest {

    @Autowired ReviewRepository reviews;
    @Autowired MongoTemplate mongo;
    @Autowired Outbox outbox;
    @Autowired Screener screener;
    @Autowired ScreeningPolicy policy;
    @Autowired WorkflowService workflows;
    @Autowired ModerationProperties settings;
    @Autowired SchedulingProperties scheduling;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant submitted = Instant.parse("2026-11-20T03:00:00Z");

    @Test
    void aReviewIsTimedFromItsSubmissionAndARedeliveredSubmissionIsNot() {
        ReviewService service = serviceAt(submitted.plusMillis(2500));
        ArticleSubmitted submission = submission("rpt-timed-" + UUID.randomUUID());

        assertThat(service.open(submission)).isTrue();
        assertThat(service.open(submission)).isFalse();

        Timer timer = meters.get("herald.pipeline.submission-to-review").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2500);
    }

    @Test
    void aSubmissionStampedAheadOfModerationsClockIsNotTimed() {
        ReviewService service = serviceAt(submitted.minusSeconds(1));

        assertThat(service.open(submission("rpt-timed-" + UUID.randomUUID()))).isTrue();

        assertThat(meters.get("herald.pipeline.submission-to-review").timer().count()).isZero();
    }

    private ReviewService serviceAt(Instant now) {
        return new ReviewService(reviews, mongo, outbox, screener, policy, workflows, settings, scheduling, meters,
                Clock.fixed(now, ZoneOffset.UTC), dev.herald.support.tracing.TraceContexts.none(), new FingerprintBands(mongo));
    }

    private ArticleSubmitted submission(String id) {
        return new ArticleSubmitted(UUID.randomUUID(), submitted, id, "某医院党委", "党建动态", "计时的报道" + id, null,
                "医院党委召开专题会议，部署下一阶段工作。", "宣传科", null, null, null, List.of(), 1, List.of());
    }
}
