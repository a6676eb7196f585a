package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.workflow.Route;
import dev.herald.moderation.workflow.Stage;
import dev.herald.support.outbox.OutboxEvent;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One submitted article awaiting, or having had, a moderator's decision. Its id is the article id,
 * so a redelivered submission finds the review it already made, and a new revision of the report
 * re-enters the same review with its history. {@code version} guards against two moderators acting at
 * once; the outbox holds each decision's event in the same write; the audit trail records every action.
 * <p>
 * A revision passes the stages of the workflow it entered with, one after another; only approving the
 * last one publishes it. Nobody decides two stages of one revision (four eyes), and each stage is decided
 * under the role it names. A review stored before workflows has one stage, as it had then.
 * <p>
 * The last stage's approval may set a publication time: the review then waits as SCHEDULED, with the
 * article as it will be published, until the scheduler publishes it ({@link #publishIfDue}); an
 * administrator or a leader may move that time, or cancel it, which puts the review back in its last stage.
 */
@Document("reviews")
// the queue: a status, often a unit or a channel, oldest revision first. With the status index alone a listing of
// one unit's approved reviews read every approved review twice (its total, then its page): 12 s at 84,000
@CompoundIndex(name = "queue", def = "{ 'status': 1, 'article.unit': 1, 'article.channel': 1, 'revisedAt': 1 }")
// the queue by risk: the highest screening score first, then the oldest, so a page needs only the front of the order
@CompoundIndex(name = "queue-by-risk", def = "{ 'status': 1, 'screening.score': -1, 'revisedAt': 1 }")
public class Review {

    /** The actor recorded when a scheduled publication leaves at its time. */
    static final String SCHEDULER = "scheduler";

    /** The problem type of a four-eyes refusal, so a client can tell it from a lost race. */
    public static final URI FOUR_EYES = URI.create("https://herald.dev/problems/four-eyes");

    @Id
    private String id;
    @Version
    private Long version;
    private Article article;
    private Article published;
    // the queue, its depth meter and the desk's polling all filter on it: a lookup, not a read of every review
    @Indexed
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
    private String workflow;
    private List<Stage> stages;
    private Stage escalation;
    private boolean important;
    private String importantReason;
    private int stage;
    // the current stage's name and role and who may not decide it, as fields so the queue can filter on them
    @Indexed
    private String stageName;
    private String stageRole;
    private List<String> barred = new ArrayList<>();
    private Instant stageEnteredAt;
    private Article draft;
    // a final sign-off may set a publication time (定时发布): the review waits as SCHEDULED until then
    @Indexed(sparse = true)
    private Instant publishAt;
    private List<SignOff> signOffs = new ArrayList<>();
    // the unit's note (更正说明) while a correction of the published article is under review; null otherwise
    private String correction;
    private List<Correction> corrections = new ArrayList<>();
    private List<PastRevision> history = new ArrayList<>();
    private List<AuditEntry> audit = new ArrayList<>();
    private List<OutboxEvent> outbox = new ArrayList<>();
    // the W3C trace context of the revision under review: a decision, days later and in a request of its own,
    // continues the report's trace from here
    private String traceparent;

    protected Review() {
    }

    public String getTraceparent() {
        return traceparent;
    }

    /** The trace the revision now under review arrived in; none (tracing off) keeps the one there was. */
    void keepTrace(String current) {
        if (current != null) {
            traceparent = current;
        }
    }

    static Review pending(String articleId, Article article, int revision, Instant submittedAt, ScreeningResult screening) {
        return pending(articleId, article, revision, submittedAt, screening, Route.SINGLE);
    }

    static Review pending(String articleId, Article article, int revision, Instant submittedAt, ScreeningResult screening,
                          Route route) {
        Review review = new Review();
        review.id = articleId;
        review.status = ReviewStatus.PENDING;
        review.submittedAt = submittedAt;
        review.follow(route);
        review.enter(article, revision, submittedAt, screening);
        return review;
    }

    void revise(Article revised, int newRevision, Instant at, ScreeningResult result) {
        revise(revised, newRevision, at, result, Route.SINGLE);
    }

    /**
     * A unit answered a request for changes: the new revision is screened afresh and starts again at the
     * first stage of the workflow as it is now; the earlier revisions' sign-offs stay in {@code signOffs}.
     */
    void revise(Article revised, int newRevision, Instant at, ScreeningResult result, Route route) {
        history.add(new PastRevision(revision, article, revisedAt, screening == null ? null : screening.verdict(),
                screening == null ? null : screening.score(), changesRequested));
        status = ReviewStatus.PENDING;
        moderator = null;
        decidedAt = null;
        changesRequested = null;
        claim = null;
        draft = null;
        follow(route);
        enter(revised, newRevision, at, result);
    }

    /**
     * A unit corrects (更正) the published article: the corrected revision is screened afresh and starts at
     * the first stage, with the unit's note, while the published article stays public until the last stage
     * signs the correction off. Its sign-off can not be scheduled, and a refusal leaves the article as it was.
     */
    void correct(Article corrected, String note, int newRevision, Instant at, ScreeningResult result, Route route) {
        if (status != ReviewStatus.APPROVED || published == null) {
            throw new ConflictException("review " + id + " is " + status + ": only a published article can be corrected");
        }
        correction = note;
        revise(corrected, newRevision, at, result, route);
        record(at, corrected.unit(), "correction-submitted", note);
    }

    /** True while a correction of the published article is under review or back with the unit for changes. */
    public boolean isCorrecting() {
        return correction != null;
    }

    private void follow(Route route) {
        workflow = route.workflow();
        stages = route.stages();
        escalation = route.escalation();
    }

    private void enter(Article submitted, int newRevision, Instant at, ScreeningResult result) {
        article = submitted;
        revision = newRevision;
        revisedAt = at;
        screening = result;
        record(at, submitted.unit(), revision == 1 ? "submitted" : "resubmitted",
                "screened " + result.verdict() + " (score " + result.score() + ", " + result.policyVersion() + ")");
        enterStage(0, at);
    }

    /** The stages this revision passes: the workflow's, and the escalation stage last when it is important. */
    public List<Stage> route() {
        List<Stage> route = new ArrayList<>(stages == null ? Route.SINGLE.stages() : stages);
        if (important) {
            route.add(escalation == null ? Stage.SIGN_OFF : escalation);
        }
        return route;
    }

    public Stage currentStage() {
        return route().get(Math.min(stage, route().size() - 1));
    }

    private void enterStage(int index, Instant at) {
        stage = index;
        Stage s = currentStage();
        stageName = s.name();
        stageRole = s.role();
        stageEnteredAt = at;
        barred = signOffs.stream().filter(o -> o.revision() == revision && !o.stage().equals(s.name()))
                .map(SignOff::by).distinct().toList();
    }

    /**
     * Important reports need the escalation stage (the leader's sign-off) after the others. Marking twice
     * changes nothing.
     */
    void markImportant(String by, String why, Instant at) {
        requireOpen();
        if (important) {
            return;
        }
        important = true;
        importantReason = why;
        record(at, by, "marked-important", why + "; needs " + route().getLast().name());
    }

    /**
     * Whether this decider may decide the current stage now: it is open, no one else holds it, the decider
     * has the stage's role, and has decided no other stage of this revision.
     */
    private Stage admit(Decider by, Instant at) {
        requireOpen();
        if (claim != null && claim.heldByOtherThan(by.name(), at)) {
            throw heldBy(claim);
        }
        Stage current = currentStage();
        if (!by.holds(current.role())) {
            throw new AccessDeniedException("stage " + current.name() + " of review " + id + " is decided by the role "
                    + current.role());
        }
        if (barred != null && barred.contains(by.name())) {
            String earlier = signOffs.stream().filter(o -> o.revision() == revision && o.by().equals(by.name()))
                    .map(SignOff::stage).distinct().reduce((a, b) -> a + ", " + b).orElse("another stage");
            throw new ConflictException(FOUR_EYES, "Four eyes",
                    by.name() + " decided " + earlier + " of revision " + revision + " of review " + id
                            + " and may not decide " + current.name() + " too: another person must");
        }
        return current;
    }

    private void signOff(Stage at, Decider by, Instant when, String decision, String detail) {
        signOffs.add(new SignOff(revision, at.name(), by.name(), at.role(), when, decision, at.confidentiality(), detail));
    }

    /** Takes or renews the claim; someone else's live claim is a conflict that names its holder. */
    void claim(String by, Instant now, Duration lease) {
        claim(Decider.moderator(by), now, lease);
    }

    /** A claim is on the current stage: only someone who may decide it can take it. */
    void claim(Decider decider, Instant now, Duration lease) {
        String by = decider.name();
        Stage current = admit(decider, now);
        boolean renewal = claim != null && claim.activeAt(now);
        claim = new Claim(by, renewal ? claim.claimedAt() : now, now.plus(lease), current.name());
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
        approve(Decider.moderator(by), approvalNote, edited, edits, false, at);
        return publications;
    }

    /**
     * Approves the current stage: the next one comes, or, after the last, the article is published.
     * Edits made at one stage are what the next stage reads.
     *
     * @param confidentialityChecked the decider confirms the confidentiality review was done; required at that stage
     * @return whether this approval published the article
     */
    boolean approve(Decider decider, String approvalNote, Article edited, List<String> edits, boolean confidentialityChecked,
                    Instant at) {
        return approve(decider, approvalNote, edited, edits, confidentialityChecked, at, null);
    }

    /**
     * As above; at the last stage, a {@code publishAt} after {@code at} schedules the publication instead
     * (status SCHEDULED, nothing published yet, and this returns false).
     *
     * @param publishAt when to publish; null for now. Only the last stage's approval (签发) may set it.
     */
    boolean approve(Decider decider, String approvalNote, Article edited, List<String> edits, boolean confidentialityChecked,
                    Instant at, Instant publishAt) {
        String by = decider.name();
        Stage current = admit(decider, at);
        if (publishAt != null && correction != null) {
            throw new InvalidRequestException("publishAt", "a correction (更正) is published as soon as it is signed off: "
                    + "the article it corrects is already public");
        }
        if (publishAt != null && stage + 1 < route().size()) {
            throw new InvalidRequestException("publishAt", "only the last stage's approval (签发) sets a publication time: "
                    + current.name() + " is stage " + (stage + 1) + " of " + route().size());
        }
        if (current.confidentiality() && !confidentialityChecked) {
            throw new InvalidRequestException("confidentialityChecked",
                    "must be true: " + current.name() + " is the confidentiality review (保密审查), and its sign-off says it was done");
        }
        if (!edits.isEmpty()) {
            record(at, by, "edited", String.join(", ", edits));
        }
        draft = edited;
        signOff(current, decider, at, "APPROVED", approvalNote);
        if (stage + 1 < route().size()) {
            claim = null;
            record(at, by, "stage-approved", current.name() + (approvalNote == null ? "" : ": " + approvalNote));
            enterStage(stage + 1, at);
            return false;
        }
        note = approvalNote;
        published = edited;
        if (publishAt != null && publishAt.isAfter(at)) {
            close(ReviewStatus.SCHEDULED, by, at);
            this.publishAt = publishAt;
            record(at, by, "approved", approvalNote);
            record(at, by, "scheduled", "publication at " + publishAt);
            return false;
        }
        close(ReviewStatus.APPROVED, by, at);
        record(at, by, "approved", approvalNote);
        publications++;
        if (correction != null) {
            corrections.add(new Correction(publications, at, correction));
            correction = null;
        }
        return true;
    }

    /**
     * Publishes the scheduled article once its time has come: true when this call published it. Anything
     * else (not scheduled any more, or not yet due) changes nothing, so a scheduler that finds the review
     * late, or twice, does no harm.
     */
    boolean publishIfDue(Instant now) {
        if (status != ReviewStatus.SCHEDULED || publishAt == null || publishAt.isAfter(now)) {
            return false;
        }
        status = ReviewStatus.APPROVED;
        record(now, SCHEDULER, "published", "scheduled for " + publishAt);
        publications++;
        return true;
    }

    /**
     * Moves a scheduled publication; a time that is not after {@code now} publishes at once (true).
     */
    boolean reschedule(String by, Instant newTime, Instant now) {
        requireScheduled();
        record(now, by, "schedule-moved", publishAt + " → " + (newTime == null || !newTime.isAfter(now) ? "now" : newTime));
        if (newTime == null || !newTime.isAfter(now)) {
            publishAt = now;
            return publishIfDue(now);
        }
        publishAt = newTime;
        return false;
    }

    /**
     * Calls a scheduled publication off: the review waits again in its last stage, whose people may sign it
     * off again (now or at another time), send it back, request changes or reject it. The sign-off that
     * scheduled it stays in {@code signOffs}; a new one replaces it in the published chain.
     */
    void cancelSchedule(String by, Instant now) {
        requireScheduled();
        record(now, by, "schedule-cancelled", "was to be published at " + publishAt);
        status = ReviewStatus.PENDING;
        publishAt = null;
        moderator = null;
        decidedAt = null;
        note = null;
        published = null;
        enterStage(stage, now);
    }

    private void requireScheduled() {
        if (status != ReviewStatus.SCHEDULED) {
            throw new ConflictException("review " + id + " is " + status + ": only a scheduled publication can be moved or cancelled");
        }
    }

    void reject(String by, RejectionCode code, String why, Instant at) {
        reject(Decider.moderator(by), code, why, at);
    }

    void reject(Decider decider, RejectionCode code, String why, Instant at) {
        signOff(admit(decider, at), decider, at, "REJECTED", code + ": " + why);
        if (correction != null) {
            // what is turned down is the correction: the article stays published as it was
            close(ReviewStatus.APPROVED, decider.name(), at);
            record(at, decider.name(), "correction-refused", code + ": " + why);
            history.add(new PastRevision(revision, article, revisedAt, screening == null ? null : screening.verdict(),
                    screening == null ? null : screening.score(), "更正未通过: " + why));
            correction = null;
            article = published;
            return;
        }
        close(ReviewStatus.REJECTED, decider.name(), at);
        reason = why;
        reasonCode = code;
        record(at, decider.name(), "rejected", code + ": " + why);
    }

    void requestChanges(String by, String message, Instant at) {
        requestChanges(Decider.moderator(by), message, at);
    }

    void requestChanges(Decider decider, String message, Instant at) {
        signOff(admit(decider, at), decider, at, "CHANGES_REQUESTED", message);
        close(ReviewStatus.CHANGES_REQUESTED, decider.name(), at);
        changesRequested = message;
        record(at, decider.name(), "changes-requested", message);
    }

    /** Sends the revision back to an earlier stage, whose people read the message and decide it again. */
    void sendBack(Decider decider, String toStage, String message, Instant at) {
        Stage current = admit(decider, at);
        List<Stage> route = route();
        int target = -1;
        for (int i = 0; i < stage; i++) {
            if (route.get(i).name().equals(toStage)) {
                target = i;
            }
        }
        if (target < 0) {
            throw new InvalidRequestException("stage", "is not a stage before " + current.name() + ": "
                    + (stage == 0 ? "there is none" : "one of " + String.join(", ", route.subList(0, stage).stream().map(Stage::name).toList())));
        }
        signOff(current, decider, at, "SENT_BACK", toStage + ": " + message);
        claim = null;
        record(at, decider.name(), "sent-back", current.name() + " → " + toStage + ": " + message);
        enterStage(target, at);
    }

    /** The approvals that let the published revision out, the latest for each stage, in stage order. */
    public List<SignOff> chain() {
        Map<String, SignOff> latest = new LinkedHashMap<>();
        route().forEach(s -> latest.put(s.name(), null));
        signOffs.stream().filter(o -> o.revision() == revision && o.decision().equals("APPROVED"))
                .forEach(o -> latest.put(o.stage(), o));
        return latest.values().stream().filter(java.util.Objects::nonNull).toList();
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

    private void close(ReviewStatus outcome, String by, Instant at) {
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
    public Instant getPublishAt() { return publishAt; }
    public Claim getClaim() { return claim; }
    public int getPublications() { return publications; }
    public String getCorrection() { return correction; }
    public List<Correction> getCorrections() { return corrections == null ? List.of() : corrections; }
    public String getWorkflow() { return workflow; }
    public boolean isImportant() { return important; }
    public String getImportantReason() { return importantReason; }
    public Instant getStageEnteredAt() { return stageEnteredAt == null ? getRevisedAt() : stageEnteredAt; }
    /** The article as the stages so far have edited it; the submitted one when none has. */
    public Article getDraft() { return draft == null ? article : draft; }
    public List<SignOff> getSignOffs() { return signOffs == null ? List.of() : List.copyOf(signOffs); }
    public List<PastRevision> getHistory() { return List.copyOf(history); }
    public List<AuditEntry> getAudit() { return List.copyOf(audit); }
    public List<OutboxEvent> getOutbox() { return List.copyOf(outbox); }
}
