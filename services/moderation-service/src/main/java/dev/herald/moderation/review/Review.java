package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.support.outbox.OutboxEvent;
import dev.herald.text.SimHash;
import dev.herald.support.web.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One submitted article awaiting, or having had, a moderator's decision. Its id is the article id,
 * so a redelivered submission finds the review it already made. {@code version} guards against two
 * moderators deciding at once; the outbox holds the decision's event in the same write.
 */
@Document("reviews")
public class Review {

    @Id
    private String id;
    @Version
    private Long version;
    private Article article;
    private ReviewStatus status;
    private Instant submittedAt;
    private Instant decidedAt;
    private String moderator;
    private String note;
    private String reason;
    private int publications;
    private ScreeningResult screening;
    // the fingerprint's four 16-bit bands, as plain fields so near-duplicate candidates are exact lookups
    @Indexed
    private int band0;
    @Indexed
    private int band1;
    @Indexed
    private int band2;
    @Indexed
    private int band3;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected Review() {
    }

    static Review pending(String articleId, Article article, Instant submittedAt, ScreeningResult screening) {
        Review review = new Review();
        review.id = articleId;
        review.article = article;
        review.screening = screening;
        int[] bands = SimHash.bands(screening.fingerprint());
        review.band0 = bands[0];
        review.band1 = bands[1];
        review.band2 = bands[2];
        review.band3 = bands[3];
        review.status = ReviewStatus.PENDING;
        review.submittedAt = submittedAt;
        return review;
    }

    /** Returns the publication number, which grows if an article is ever published again. */
    int approve(String moderator, String note, Instant at) {
        decide(ReviewStatus.APPROVED, moderator, at);
        this.note = note;
        return ++publications;
    }

    void reject(String moderator, String reason, Instant at) {
        decide(ReviewStatus.REJECTED, moderator, at);
        this.reason = reason;
    }

    private void decide(ReviewStatus outcome, String moderator, Instant at) {
        if (status != ReviewStatus.PENDING) {
            throw new ConflictException("review " + id + " was already decided: " + status);
        }
        this.status = outcome;
        this.moderator = moderator;
        this.decidedAt = at;
    }

    void emit(OutboxEvent event) {
        outbox.add(event);
    }

    public String getId() { return id; }
    public Article getArticle() { return article; }
    public ReviewStatus getStatus() { return status; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getModerator() { return moderator; }
    public String getNote() { return note; }
    public String getReason() { return reason; }
    public ScreeningResult getScreening() { return screening; }
    public List<OutboxEvent> getOutbox() { return List.copyOf(outbox); }
}
