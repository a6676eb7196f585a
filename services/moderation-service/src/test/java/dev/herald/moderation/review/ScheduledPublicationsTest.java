package dev.herald.moderation.review;

import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.moderation.ModerationProperties;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningPolicy;
import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.moderation.workflow.Route;
import dev.herald.moderation.workflow.WorkflowService;
import dev.herald.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled publications in the store, published by two moderation instances that share it, each with the
 * same controllable clock: nothing before its time, every one exactly once at its time, and one left by an
 * instance that died holding it is published by another once its lease lapses. The times are a month
 * ahead, so the running service's own scheduler, on the real clock, never finds them due.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ScheduledPublicationsTest {

    static final Instant SIGNED = Instant.now().plus(Duration.ofDays(30));
    static final Instant DUE = SIGNED.plus(Duration.ofHours(1));

    @Autowired ReviewRepository reviews;
    @Autowired MongoTemplate mongo;
    @Autowired Outbox outbox;
    @Autowired Screener screener;
    @Autowired ScreeningPolicy policy;
    @Autowired WorkflowService workflows;
    @Autowired ModerationProperties settings;
    @Autowired SchedulingProperties scheduling;
    @Autowired MeterRegistry meters;

    private final MovableClock clock = new MovableClock(SIGNED);

    @Test
    void twoInstancesPublishNothingBeforeItsTimeAndEveryScheduledArticleOnceAtItsTime() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(scheduledFor(DUE));
        }
        ScheduledPublications a = instance(), b = instance();

        clock.set(DUE.minusSeconds(1));
        assertThat(a.publishDue() + b.publishDue()).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(reviews.findById(id).orElseThrow().getStatus()).isEqualTo(ReviewStatus.SCHEDULED));

        clock.set(DUE);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> passA = () -> { start.await(); return a.publishDue(); };
        Callable<Integer> passB = () -> { start.await(); return b.publishDue(); };
        int published = 0;
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> pass : both.invokeAll(List.of(passA, passB))) {
                published += pass.get();
            }
        }

        // at least: a review another test left due by then is published too
        assertThat(published).as("published by the two passes together").isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> {
            Review review = reviews.findById(id).orElseThrow();
            assertThat(review.getStatus()).isEqualTo(ReviewStatus.APPROVED);
            assertThat(review.getPublications()).isEqualTo(1);
            assertThat(review.getAudit()).filteredOn(e -> e.action().equals("published")).hasSize(1);
        });
        assertThat(a.publishDue() + b.publishDue()).isZero();
    }

    @Test
    void aPublicationHeldByAnInstanceThatDiedIsPublishedByAnotherOnceItsLeaseLapses() {
        String id = scheduledFor(DUE);
        Instant lapses = DUE.plus(scheduling.claimLease());
        mongo.getCollection(PublicationClaims.COLLECTION).insertOne(new Document("_id", id).append("owner", "an instance that died")
                .append("until", Date.from(lapses)));

        clock.set(lapses.minusSeconds(1));
        assertThat(instance().publishDue()).isZero();
        assertThat(reviews.findById(id).orElseThrow().getStatus()).isEqualTo(ReviewStatus.SCHEDULED);

        clock.set(lapses);
        assertThat(instance().publishDue()).isEqualTo(1);
        Review review = reviews.findById(id).orElseThrow();
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(review.getPublications()).isEqualTo(1);
        assertThat(mongo.getCollection(PublicationClaims.COLLECTION).countDocuments(new Document("_id", id))).isZero();
    }

    /** A review signed off for publication at {@code due}, stored as the sign-off leaves it. */
    private String scheduledFor(Instant due) {
        String id = "rpt-scheduled-" + UUID.randomUUID();
        Article article = new Article("某医院党委", "党建动态", "定时发布的报道", null, "正文", null, null, null, null, List.of(), List.of());
        Review review = Review.pending(id, article, 1, SIGNED, new ScreeningResult(Verdict.CLEAN, 0, List.of(), "policy-1", "lexicon-x",
                null, 42L, null), Route.SINGLE);
        review.approve(Decider.moderator("wang.fang"), null, article, List.of(), false, SIGNED, due);
        reviews.insert(review);
        return id;
    }

    /** One moderation instance: its own review service and scheduler over the shared store, on the test's clock. */
    private ScheduledPublications instance() {
        ReviewService service = new ReviewService(reviews, mongo, outbox, screener, policy, workflows, settings, scheduling, meters, clock, dev.herald.support.tracing.TraceContexts.none(), new FingerprintBands(mongo));
        return new ScheduledPublications(service, mongo, scheduling, clock);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
