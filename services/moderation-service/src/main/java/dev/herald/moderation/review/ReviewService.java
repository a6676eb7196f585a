package dev.herald.moderation.review;

import dev.herald.events.ArticleChangesRequested;
import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRejected;
import dev.herald.events.ReviewStageEntered;
import dev.herald.events.ArticleRetracted;
import dev.herald.events.ArticleSubmitted;
import dev.herald.text.Paragraphs;
import dev.herald.events.HeraldEvents;
import dev.herald.moderation.ModerationProperties;
import dev.herald.moderation.screening.Finding;
import dev.herald.moderation.screening.NearDuplicates;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningInput;
import dev.herald.moderation.screening.ScreeningPolicy;
import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.workflow.Roles;
import dev.herald.moderation.workflow.Route;
import dev.herald.moderation.workflow.WorkflowService;
import dev.herald.support.metrics.PipelineLatency;
import dev.herald.support.outbox.Outbox;
import dev.herald.support.tracing.TraceContexts;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.SimHash;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

@Service
public class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    /** The earliest copies are the likely originals; later ones add nothing to the link. */
    private static final int MAX_CANDIDATES = 50;

    /** The decider recorded for decisions the screening policy takes on its own. */
    static final String AUTOMATIC = "screening-policy";
    private static final Decider POLICY = new Decider(AUTOMATIC, Roles.DECIDING);

    private final ReviewRepository reviews;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Screener screener;
    private final ScreeningPolicy policy;
    private final WorkflowService workflows;
    private final ModerationProperties settings;
    private final SchedulingProperties scheduling;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TraceContexts traces;
    private final FingerprintBands bands;

    ReviewService(ReviewRepository reviews, MongoTemplate mongo, Outbox outbox, Screener screener, ScreeningPolicy policy,
                  WorkflowService workflows, ModerationProperties settings, SchedulingProperties scheduling, MeterRegistry meters,
                  Clock clock, TraceContexts traces, FingerprintBands bands) {
        this.bands = bands;
        this.traces = traces;
        this.workflows = workflows;
        this.scheduling = scheduling;
        this.reviews = reviews;
        this.mongo = mongo;
        this.outbox = outbox;
        this.screener = screener;
        this.policy = policy;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Opens a review for a submitted article, or re-enters it with a new revision the unit sent after a
     * request for changes. A repeated or stale submission event leaves the review alone.
     */
    public boolean open(ArticleSubmitted submitted) {
        Optional<Review> existing = reviews.findById(submitted.articleId());
        if (existing.isPresent()) {
            return revise(existing.get(), submitted);
        }
        ScreeningResult screening = screen(submitted);
        Review review = Review.pending(submitted.articleId(), Article.from(submitted), submitted.revision(), submitted.when(),
                screening, route(submitted));
        escalateMarked(review, screening);
        escalateAsked(review, submitted);
        if (policy.rejectsAutomatically(screening)) {
            rejectAsSpam(review, screening);
        }
        announceStage(review, submitted.when());
        review.keepTrace(traces.current());
        entered(review);
        try {
            reviews.insert(review);
        } catch (DuplicateKeyException raced) {
            return false;
        }
        meters.counter("herald.moderation.reviews.opened").increment();
        PipelineLatency.record(meters, PipelineLatency.SUBMISSION_TO_REVIEW_METER, submitted.when(), clock.instant());
        screened(screening);
        return true;
    }

    private boolean revise(Review review, ArticleSubmitted submitted) {
        if (submitted.revision() <= review.getRevision()) {
            return false;
        }
        boolean correction = submitted.corrects() && review.getStatus() == ReviewStatus.APPROVED && review.getPublished() != null;
        if (review.getStatus() != ReviewStatus.CHANGES_REQUESTED && !correction) {
            // ingest accepts revisions only after a request for changes, and corrections only of what was published
            log.warn("ignoring revision {} of {}: the review is {}", submitted.revision(), review.getId(), review.getStatus());
            return false;
        }
        ScreeningResult screening = screen(submitted);
        if (correction) {
            review.correct(Article.from(submitted), submitted.correction(), submitted.revision(), submitted.when(), screening,
                    route(submitted));
        } else {
            review.revise(Article.from(submitted), submitted.revision(), submitted.when(), screening, route(submitted));
        }
        escalateMarked(review, screening);
        escalateAsked(review, submitted);
        if (policy.rejectsAutomatically(screening)) {
            rejectAsSpam(review, screening);
        }
        announceStage(review, submitted.when());
        review.keepTrace(traces.current());
        entered(review);
        reviews.save(review);
        meters.counter("herald.moderation.reviews.revised").increment();
        PipelineLatency.record(meters, PipelineLatency.SUBMISSION_TO_REVIEW_METER, submitted.when(), clock.instant());
        screened(screening);
        return true;
    }

    private Route route(ArticleSubmitted submitted) {
        return workflows.routeFor(submitted.channel(), submitted.unit());
    }

    /** A classification marking makes a report important: a leader signs it off, if anyone lets it out at all. */
    private void escalateMarked(Review review, ScreeningResult screening) {
        screening.findings().stream().filter(f -> f.kind() == Finding.Kind.CONFIDENTIAL).findFirst()
                .ifPresent(f -> review.markImportant(AUTOMATIC, "screening: " + f.message(), clock.instant()));
    }

    /** The unit itself marked the report important: its rules want the leader's sign-off here too. */
    private void escalateAsked(Review review, ArticleSubmitted submitted) {
        if (Boolean.TRUE.equals(submitted.important()) && !review.isImportant()) {
            review.markImportant(submitted.unit(), "marked important by the unit on submission", clock.instant());
        }
    }

    private ScreeningResult screen(ArticleSubmitted submitted) {
        return screener.screen(new ScreeningInput(submitted.title(), submitted.unit(), submitted.channel(), submitted.body(),
                submitted.originalPublishedAt()), fingerprint -> nearestEarlier(submitted.articleId(), fingerprint));
    }

    private void screened(ScreeningResult screening) {
        meters.counter("herald.moderation.screened", "verdict", screening.verdict().name()).increment();
        screening.findings().forEach(f -> meters.counter("herald.moderation.findings", "kind", f.kind().name()).increment());
    }

    /** Rejected by policy, in the same write that opens the review, and the unit is told why. */
    private void rejectAsSpam(Review review, ScreeningResult screening) {
        Instant now = clock.instant();
        String reason = "自动拒绝(" + screening.policyVersion() + "): " + screening.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.HIGH).map(Finding::message).distinct().limit(5)
                .collect(Collectors.joining("; "));
        boolean correction = review.isCorrecting();
        review.reject(POLICY, RejectionCode.SPAM, reason, now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_REJECTED, new ArticleRejected(UUID.randomUUID(), now, review.getId(),
                review.getArticle().unit(), reason, AUTOMATIC, RejectionCode.SPAM.name(), correction)));
        meters.counter("herald.moderation.decisions", "outcome", "auto-rejected").increment();
    }

    /**
     * Tells the people of the stage a review now waits in that it is theirs (review-stage-entered, in the same
     * write as the review): only for the stages of a workflow, the single stage of a channel without one being
     * its moderators' queue.
     */
    private void announceStage(Review review, Instant now) {
        List<dev.herald.moderation.workflow.Stage> route = review.route();
        if (review.getStatus() != ReviewStatus.PENDING || route.size() < 2) {
            return;
        }
        dev.herald.moderation.workflow.Stage stage = review.currentStage();
        Article a = review.getArticle();
        review.emit(outbox.entry(HeraldEvents.REVIEW_STAGE_ENTERED, new ReviewStageEntered(UUID.randomUUID(), now, review.getId(),
                review.getRevision(), a.unit(), a.channel(), a.title(), stage.name(), route.indexOf(stage) + 1, stage.role(),
                review.isCorrecting())));
    }

    /**
     * Enters the revision's fingerprint in the near-duplicate index before the review is written: a crash between
     * the two leaves an entry the redelivered submission enters again (no change), never a review missing from it.
     */
    private void entered(Review review) {
        bands.register(List.of(new FingerprintBands.Entry(review.getId(), review.getScreening().fingerprint(),
                review.getSubmittedAt())));
    }

    /**
     * The closest other pending or published review within the near-duplicate distance, the earliest on a tie. The
     * index's entries narrow it to the few within reach; those reviews are then read, since one may have been
     * revised or rejected since its entry was made.
     */
    private Optional<NearDuplicates.Match> nearestEarlier(String self, long fingerprint) {
        List<String> near = bands.sharingABand(fingerprint).stream()
                .filter(e -> !e.review().equals(self) && SimHash.distance(fingerprint, e.fingerprint()) <= NearDuplicates.MAX_DISTANCE)
                .sorted(Comparator.comparing(FingerprintBands.Entry::at))
                .limit(MAX_CANDIDATES).map(FingerprintBands.Entry::review).toList();
        if (near.isEmpty()) {
            return Optional.empty();
        }
        Query candidates = Query.query(Criteria.where("_id").in(near));
        candidates.fields().include("status", "submittedAt", "screening.fingerprint");
        return mongo.find(candidates, DuplicateCandidate.class, mongo.getCollectionName(Review.class)).stream()
                .filter(c -> c.status() != ReviewStatus.REJECTED && c.screening() != null)
                .map(c -> Map.entry(c, SimHash.distance(fingerprint, c.screening().fingerprint())))
                .filter(e -> e.getValue() <= NearDuplicates.MAX_DISTANCE)
                .min(Comparator.comparing((Map.Entry<DuplicateCandidate, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().submittedAt()))
                .map(e -> new NearDuplicates.Match(e.getKey().id(), e.getValue()));
    }

    public Page<Review> queue(QueueQuery query) {
        PageRequest request = query.pageRequest();
        var criteria = query.toQuery();
        long total = mongo.count(criteria, Review.class);
        List<Review> found = mongo.find(criteria.with(request), Review.class);
        return new PageImpl<>(found, request, total);
    }

    public Review get(String id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("review", id));
    }

    public Review claim(String id, Decider moderator) {
        Review review = get(id);
        review.claim(moderator, clock.instant(), settings.claimLease());
        return reviews.save(review);
    }

    public Review release(String id, String moderator) {
        Review review = get(id);
        review.release(moderator, clock.instant());
        return reviews.save(review);
    }

    /**
     * Approves the current stage; the last stage's approval publishes, with the chain of sign-offs that led to
     * it, or, with a publication time still to come, schedules the publication.
     */
    public Review approve(String id, Decider decider, Decisions.Approval approval) {
        Review review = get(id);
        return decision(review, "approve", () -> approve(review, decider, approval));
    }

    private Review approve(Review review, Decider decider, Decisions.Approval approval) {
        Instant now = clock.instant();
        Instant publishAt = PublicationTime.parse(approval.publishAt(), now, scheduling.maxAhead());
        StageTime left = StageTime.of(review);
        List<String> changed = new ArrayList<>();
        Article edited = edited(review, approval.edits(), changed);
        boolean published = review.approve(decider, approval.note(), edited, changed,
                Boolean.TRUE.equals(approval.confidentialityChecked()), now, publishAt);
        if (!published) {
            announceStage(review, now);
            Review saved = reviews.save(review);
            left.record(meters, now);
            if (saved.getStatus() == ReviewStatus.SCHEDULED) {
                return decided(saved, "scheduled");
            }
            meters.counter("herald.moderation.decisions", "outcome", "stage-approved").increment();
            return saved;
        }
        emitPublished(review, now);
        Review saved = reviews.save(review);
        left.record(meters, now);
        return decided(saved, "approved");
    }

    /** article-published for the article as signed off, by the one who signed it off, with its sign-off chain. */
    private void emitPublished(Review review, Instant now) {
        Article a = review.getPublished();
        List<ArticlePublished.SignOff> chain = review.chain().stream().map(o -> new ArticlePublished.SignOff(o.stage(), o.by(),
                o.role(), o.at(), o.decision(), o.confidentialityReview())).toList();
        review.emit(outbox.entry(HeraldEvents.ARTICLE_PUBLISHED, new ArticlePublished(UUID.randomUUID(), now, review.getId(),
                review.getPublications(), a.unit(), a.channel(), a.title(), a.subtitle(), a.body(), a.author(), a.contributor(),
                a.sourceUrl(), a.originalPublishedAt(), a.tags(), review.getModerator(), now, a.sections(), chain,
                review.getCorrections().stream().map(c -> new ArticlePublished.Correction(c.version(), c.at(), c.note())).toList())));
    }

    /** Scheduled reviews whose time has come, the earliest first; the scheduler publishes them one by one. */
    public List<String> dueForPublication(Instant now, int limit) {
        Query due = Query.query(Criteria.where("status").is(ReviewStatus.SCHEDULED).and("publishAt").lte(now))
                .with(Sort.by("publishAt")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, mongo.getCollectionName(Review.class)).stream()
                .map(d -> d.getString("_id")).toList();
    }

    /**
     * Publishes a scheduled review if it is due, in the one write that stores the review and its event; a
     * second instance that read the same version meanwhile loses the write (optimistic locking), so the
     * article is published once. Returns whether this call published it.
     */
    public boolean publishIfDue(String id) {
        Review review = get(id);
        return decision(review, "publish-on-schedule", () -> publishIfDue(review));
    }

    private boolean publishIfDue(Review review) {
        Instant now = clock.instant();
        if (!review.publishIfDue(now)) {
            return false;
        }
        emitPublished(review, now);
        reviews.save(review);
        meters.counter("herald.moderation.decisions", "outcome", "published-on-schedule").increment();
        return true;
    }

    /** Moves a scheduled publication; absent or past, the article is published now. */
    public Review reschedule(String id, String by, Decisions.Schedule request) {
        Review review = get(id);
        return decision(review, "reschedule", () -> reschedule(review, by, request));
    }

    private Review reschedule(Review review, String by, Decisions.Schedule request) {
        Instant now = clock.instant();
        Instant publishAt = PublicationTime.parse(request.publishAt(), now, scheduling.maxAhead());
        if (review.reschedule(by, publishAt, now)) {
            emitPublished(review, now);
            meters.counter("herald.moderation.decisions", "outcome", "published-on-schedule").increment();
        }
        return reviews.save(review);
    }

    /** Calls a scheduled publication off: the review waits in its last stage again. */
    public Review cancelSchedule(String id, String by) {
        Review review = get(id);
        Instant now = clock.instant();
        review.cancelSchedule(by, now);
        announceStage(review, now);
        meters.counter("herald.moderation.decisions", "outcome", "schedule-cancelled").increment();
        return reviews.save(review);
    }

    /** Back to an earlier stage of the same revision, with a message for its people. */
    public Review sendBack(String id, Decider decider, Decisions.SendBack request) {
        Review review = get(id);
        Instant now = clock.instant();
        StageTime left = StageTime.of(review);
        review.sendBack(decider, request.stage().strip(), request.message().strip(), now);
        announceStage(review, now);
        Review saved = reviews.save(review);
        left.record(meters, now);
        meters.counter("herald.moderation.decisions", "outcome", "sent-back").increment();
        return saved;
    }

    /** Marks a report important: it then needs its workflow's escalation stage before publication. */
    public Review markImportant(String id, String by, Decisions.Importance request) {
        Review review = get(id);
        review.markImportant(by, request.reason().strip(), clock.instant());
        return reviews.save(review);
    }

    /** The article as it will be published, naming each field the moderator changed. */
    private static Article edited(Review review, Decisions.Edits edits, List<String> changed) {
        Article a = review.getDraft();
        if (edits == null) {
            return a;
        }
        boolean cleaned = Boolean.TRUE.equals(edits.useCleanedBody());
        if (cleaned && edits.body() != null) {
            throw new InvalidRequestException("edits.useCleanedBody", "cannot be combined with an edited body");
        }
        String cleanedBody = review.getScreening() == null ? null : review.getScreening().cleanedBody();
        if (cleaned && cleanedBody == null) {
            throw new InvalidRequestException("edits.useCleanedBody", "screening offered no cleaned body for this review");
        }
        String title = pick(edits.title(), a.title(), "title", changed);
        String channel = pick(edits.channel(), a.channel(), "channel", changed);
        String body = pick(cleaned ? cleanedBody : edits.body(), a.body(), cleaned ? "body (cleaned)" : "body", changed);
        // a section title the edit took out of the body marks nothing any more
        return new Article(a.unit(), channel, title, a.subtitle(), body, a.author(), a.contributor(), a.sourceUrl(),
                a.originalPublishedAt(), a.tags(), Paragraphs.keepPresent(body, a.sections()));
    }

    private static String pick(String edit, String original, String field, List<String> changed) {
        if (edit == null || edit.strip().equals(original)) {
            return original;
        }
        if (edit.isBlank()) {
            throw new InvalidRequestException("edits." + field.split(" ")[0], "must not be blank");
        }
        changed.add(field);
        return edit.strip();
    }

    public Review reject(String id, Decider moderator, Decisions.Rejection rejection) {
        Review review = get(id);
        return decision(review, "reject", () -> reject(review, moderator, rejection));
    }

    private Review reject(Review review, Decider moderator, Decisions.Rejection rejection) {
        String id = review.getId();
        Instant now = clock.instant();
        StageTime left = StageTime.of(review);
        RejectionCode code = rejection.reasonCode() == null ? RejectionCode.OTHER : rejection.reasonCode();
        String reason = rejection.reason().strip();
        boolean correction = review.isCorrecting();
        review.reject(moderator, code, reason, now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_REJECTED, new ArticleRejected(UUID.randomUUID(), now, id,
                review.getArticle().unit(), reason, moderator.name(), code.name(), correction)));
        Review saved = reviews.save(review);
        left.record(meters, now);
        return decided(saved, "rejected");
    }

    public Review requestChanges(String id, Decider moderator, Decisions.ChangeRequest request) {
        Review review = get(id);
        return decision(review, "request-changes", () -> requestChanges(review, moderator, request));
    }

    private Review requestChanges(Review review, Decider moderator, Decisions.ChangeRequest request) {
        String id = review.getId();
        Instant now = clock.instant();
        StageTime left = StageTime.of(review);
        String message = request.message().strip();
        review.requestChanges(moderator, message, now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_CHANGES_REQUESTED, new ArticleChangesRequested(UUID.randomUUID(), now,
                id, review.getArticle().unit(), review.getRevision(), message, moderator.name())));
        Review saved = reviews.save(review);
        left.record(meters, now);
        return decided(saved, "changes-requested");
    }

    /** Unpublishes an approved article: readers stop finding it, and its unit is told why. */
    public Review retract(String id, String moderator, Decisions.Retraction retraction) {
        Review review = get(id);
        return decision(review, "retract", () -> retract(review, moderator, retraction));
    }

    private Review retract(Review review, String moderator, Decisions.Retraction retraction) {
        String id = review.getId();
        Instant now = clock.instant();
        String reason = retraction.reason().strip();
        int publication = review.retract(moderator, reason, now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_RETRACTED, new ArticleRetracted(UUID.randomUUID(), now, id, publication,
                review.getArticle().unit(), reason, moderator)));
        Review saved = reviews.save(review);
        meters.counter("herald.moderation.decisions", "outcome", "retracted").increment();
        return saved;
    }

    /**
     * A decision is a request of its own, maybe days after the submission: it continues the report's trace from
     * the context the review kept (so the events it writes, and all that follows them, stay in that trace) and
     * links the request's own trace.
     */
    private <T> T decision(Review review, String kind, Supplier<T> decide) {
        return traces.inSpan("moderation decision", review.getTraceparent(),
                Map.of("herald.decision", kind, "herald.article.id", review.getId()), decide);
    }

    private Review decided(Review review, String outcome) {
        meters.counter("herald.moderation.decisions", "outcome", outcome).increment();
        Timer.builder("herald.moderation.wait")
                .description("Time from a revision's submission to the moderator's decision on it")
                .register(meters)
                .record(Duration.between(review.getRevisedAt(), review.getDecidedAt()));
        return review;
    }
}
