package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.support.outbox.OutboxEvent;
import dev.herald.support.web.ConflictException;
import dev.herald.text.SimHash;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One submitted article awaiting, or having had, a moderator's decision. Its id is the article id,
 * so a redelivered submission finds the review it already made, and a new revision of the report
 * re-enters the same review with its history. {@code version} guards against two moderators acting at
 * once; the outbox holds each decision's event in the same write; the audit trail records every action.
 */
@Document("reviews")
public class Review {

    @Id
    private String id;
    @Version
    private Long version;
    private Article article;
    private Article published;
    private ReviewStatus status;
    private int revision = 1;
    private Instant submittedAt;
    private Instant revisedAt;
    private Instant decidedAt;
    private String moderator;
    private String note;
    private String reason;
    private RejectionCode reasonCode;
    private String changesRequested;
    private int publications;
    private ScreeningResult screening;
    private Claim claim;
    private Instant retractedAt;
    private String retractedBy;
    private String retractionReason;
    // the fingerprint's four 16-bit bands, as plain fields so near-duplicate candidates are exact lookups
    @Indexed
    private int band0;
    @Indexed
    private int band1;
    @Indexed
    private int band2;
    @Indexed
    private int band3;
    private List<PastRevision> history = new ArrayList<>();
    private List<AuditEntry> audit = new ArrayList<>();
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected Review() {
    }

    static Review pending(String articleId, Article article, int revision, Instant submittedAt, ScreeningResult screening) {
        Review review = new Review();
        review.id = articleId;
        review.status = ReviewStatus.PENDING;
        review.submittedAt = submittedAt;
        review.enter(article, revision, submittedAt, screening);
        return review;
    }

    /** A unit answered a request for changes: the new revision is screened afresh and waits again. */
    void revise(Article revised, int newRevision, Instant at, ScreeningResult result) {
        history.add(new PastRevision(revision, article, revisedAt, screening == null ? null : screening.verdict(),
                screening == null ? null : screening.score(), changesRequested));
        status = ReviewStatus.PENDING;
        moderator = null;
        decidedAt = null;
        changesRequested = null;
        claim = null;
        enter(revised, newRevision, at, result);
    }

    private void enter(Article submitted, int newRevision, Instant at, ScreeningResult result) {
        article = submitted;
        revision = newRevision;
        revisedAt = at;
        screening = result;
        int[] bands = SimHash.bands(result.fingerprint());
        band0 = bands[0];
        band1 = bands[1];
        band2 = bands[2];
        band3 = bands[3];
        record(at, submitted.unit(), revision == 1 ? "submitted" : "resubmitted",
                "screened " + result.verdict() + " (score " + result.score() + ", " + result.policyVersion() + ")");
    }

    /** Takes or renews the claim; someone else's live claim is a conflict that names its holder. */
    void claim(String by, Instant now, Duration lease) {
        requireOpen();
        if (claim != null && claim.heldByOtherThan(by, now)) {
            throw heldBy(claim);
        }
        boolean renewal = claim != null && claim.activeAt(now);
        claim = new Claim(by, renewal ? claim.claimedAt() : now, now.plus(lease));
        record(now, by, renewal ? "claim-renewed" : "claimed", "until " + claim.expiresAt());
    }

    void release(String by, Instant now) {
        if (claim == null || !claim.activeAt(now)) {
            throw new ConflictException("review " + id + " is not claimed");
        }
        if (claim.heldByOtherThan(by, now)) {
            throw heldBy(claim);
        }
        claim = null;
        record(now, by, "released", null);
    }

    /**
     * Returns the publication number, which grows if an article is ever published again.
     *
     * @param edited the article as it will be published, which may differ from the one submitted
     * @param edits  what the moderator changed, for the audit trail; empty when nothing was
     */
    int approve(String by, String approvalNote, Article edited, List<String> edits, Instant at) {
        decide(ReviewStatus.APPROVED, by, at);
        note = approvalNote;
        published = edited;
        if (!edits.isEmpty()) {
            record(at, by, "edited", String.join(", ", edits));
        }
        record(at, by, "approved", approvalNote);
        return ++publications;
    }

    void reject(String by, RejectionCode code, String why, Instant at) {
        decide(ReviewStatus.REJECTED, by, at);
        reason = why;
        reasonCode = code;
        record(at, by, "rejected", code + ": " + why);
    }

    void requestChanges(String by, String message, Instant at) {
        decide(ReviewStatus.CHANGES_REQUESTED, by, at);
        changesRequested = message;
        record(at, by, "changes-requested", message);
    }

    /** Takes a published article down; returns the publication retracted. */
    int retract(String by, String why, Instant at) {
        if (status != ReviewStatus.APPROVED) {
            throw new ConflictException("review " + id + " is " + status + ": only a published article can be retracted");
        }
        status = ReviewStatus.RETRACTED;
        retractedAt = at;
        retractedBy = by;
        retractionReason = why;
        record(at, by, "retracted", why);
        return publications;
    }

    private void decide(ReviewStatus outcome, String by, Instant at) {
        requireOpen();
        if (claim != null && claim.heldByOtherThan(by, at)) {
            throw heldBy(claim);
        }
        status = outcome;
        moderator = by;
        decidedAt = at;
        claim = null;
    }

    private void requireOpen() {
        if (status != ReviewStatus.PENDING) {
            throw new ConflictException("review " + id + " is not pending: " + status);
        }
    }

    private ConflictException heldBy(Claim held) {
        return new ConflictException("review " + id + " is claimed by " + held.moderator() + " until " + held.expiresAt());
    }

    private void record(Instant at, String actor, String action, String detail) {
        audit.add(new AuditEntry(at, actor, action, revision, detail));
    }

    void emit(OutboxEvent event) {
        outbox.add(event);
    }

    public String getId() { return id; }
    public Article getArticle() { return article; }
    public Article getPublished() { return published; }
    public ReviewStatus getStatus() { return status; }
    public int getRevision() { return revision; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getRevisedAt() { return revisedAt == null ? submittedAt : revisedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getModerator() { return moderator; }
    public String getNote() { return note; }
    public String getReason() { return reason; }
    public RejectionCode getReasonCode() { return reasonCode; }
    public String getChangesRequested() { return changesRequested; }
    public ScreeningResult getScreening() { return screening; }
    public Instant getRetractedAt() { return retractedAt; }
    public String getRetractedBy() { return retractedBy; }
    public String getRetractionReason() { return retractionReason; }
    public Claim getClaim() { return claim; }
    public List<PastRevision> getHistory() { return List.copyOf(history); }
    public List<AuditEntry> getAudit() { return List.copyOf(audit); }
    public List<OutboxEvent> getOutbox() { return List.copyOf(outbox); }
}
