package dev.herald.moderation.review;

import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRejected;
import dev.herald.events.ArticleSubmitted;
import dev.herald.events.HeraldEvents;
import dev.herald.moderation.screening.Finding;
import dev.herald.moderation.screening.NearDuplicates;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningInput;
import dev.herald.moderation.screening.ScreeningPolicy;
import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;
import dev.herald.support.outbox.Outbox;
import dev.herald.text.SimHash;
import dev.herald.support.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Service
public class ReviewService {

    /** The earliest copies are the likely originals; later ones add nothing to the link. */
    private static final int MAX_CANDIDATES = 50;

    /** The decider recorded for decisions the screening policy takes on its own. */
    static final String AUTOMATIC = "screening-policy";

    private final ReviewRepository reviews;
    private final Outbox outbox;
    private final Screener screener;
    private final ScreeningPolicy policy;
    private final MeterRegistry meters;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, Outbox outbox, Screener screener, ScreeningPolicy policy, MeterRegistry meters,
                  Clock clock) {
        this.reviews = reviews;
        this.outbox = outbox;
        this.screener = screener;
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    /** Opens a review for a submitted article; a repeated submission event leaves the existing review alone. */
    public boolean open(ArticleSubmitted submitted) {
        if (reviews.existsById(submitted.articleId())) {
            return false;
        }
        ScreeningResult screening = screener.screen(new ScreeningInput(submitted.title(), submitted.channel(), submitted.body(),
                submitted.originalPublishedAt()), this::nearestEarlier);
        Review review = Review.pending(submitted.articleId(), Article.from(submitted), submitted.when(), screening);
        if (policy.rejectsAutomatically(screening)) {
            rejectAsSpam(review, screening);
        }
        try {
            reviews.insert(review);
        } catch (DuplicateKeyException raced) {
            return false;
        }
        meters.counter("herald.moderation.reviews.opened").increment();
        meters.counter("herald.moderation.screened", "verdict", screening.verdict().name()).increment();
        screening.findings().forEach(f -> meters.counter("herald.moderation.findings", "kind", f.kind().name()).increment());
        return true;
    }

    /** Rejected by policy, in the same write that opens the review, and the unit is told why. */
    private void rejectAsSpam(Review review, ScreeningResult screening) {
        Instant now = clock.instant();
        String reason = "自动拒绝(" + screening.policyVersion() + "): " + screening.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.HIGH).map(Finding::message).distinct().limit(5)
                .collect(java.util.stream.Collectors.joining("; "));
        review.reject(AUTOMATIC, reason, now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_REJECTED, new ArticleRejected(UUID.randomUUID(), now, review.getId(),
                review.getArticle().unit(), reason, AUTOMATIC)));
        meters.counter("herald.moderation.decisions", "outcome", "auto-rejected").increment();
    }

    /** The closest pending or published review within the near-duplicate distance, the earliest on a tie. */
    private Optional<NearDuplicates.Match> nearestEarlier(long fingerprint) {
        int[] b = SimHash.bands(fingerprint);
        return reviews.findCandidates(b[0], b[1], b[2], b[3], PageRequest.of(0, MAX_CANDIDATES, Sort.by("submittedAt"))).stream()
                .filter(c -> c.status() != ReviewStatus.REJECTED && c.screening() != null)
                .map(c -> Map.entry(c, SimHash.distance(fingerprint, c.screening().fingerprint())))
                .filter(e -> e.getValue() <= NearDuplicates.MAX_DISTANCE)
                .min(Comparator.comparing((Map.Entry<DuplicateCandidate, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().submittedAt()))
                .map(e -> new NearDuplicates.Match(e.getKey().id(), e.getValue()));
    }

    public Page<Review> queue(ReviewStatus status, Verdict verdict, int page, int size) {
        // oldest first: the longest-waiting unit is served first; id breaks ties so pages never overlap
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("_id")));
        return verdict == null ? reviews.findByStatus(status, request)
                : reviews.findByStatusAndScreeningVerdict(status, verdict, request);
    }

    public Review get(String id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("review", id));
    }

    public Review approve(String id, String moderator, Decisions.Approval approval) {
        Review review = get(id);
        Instant now = clock.instant();
        int publication = review.approve(moderator, approval.note(), now);
        Article a = review.getArticle();
        review.emit(outbox.entry(HeraldEvents.ARTICLE_PUBLISHED, new ArticlePublished(UUID.randomUUID(), now, id,
                publication, a.unit(), a.channel(), a.title(), a.subtitle(), a.body(), a.author(), a.contributor(),
                a.sourceUrl(), a.originalPublishedAt(), a.tags(), moderator, now)));
        return decided(reviews.save(review), "approved");
    }

    public Review reject(String id, String moderator, Decisions.Rejection rejection) {
        Review review = get(id);
        Instant now = clock.instant();
        review.reject(moderator, rejection.reason().strip(), now);
        review.emit(outbox.entry(HeraldEvents.ARTICLE_REJECTED, new ArticleRejected(UUID.randomUUID(), now, id,
                review.getArticle().unit(), rejection.reason().strip(), moderator)));
        return decided(reviews.save(review), "rejected");
    }

    private Review decided(Review review, String outcome) {
        meters.counter("herald.moderation.decisions", "outcome", outcome).increment();
        Timer.builder("herald.moderation.wait")
                .description("Time from submission to decision")
                .register(meters)
                .record(Duration.between(review.getSubmittedAt(), review.getDecidedAt()));
        return review;
    }
}
