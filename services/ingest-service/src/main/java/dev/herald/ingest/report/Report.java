package dev.herald.ingest.report;

import dev.herald.support.outbox.OutboxEvent;
import dev.herald.support.web.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitted report as its unit knows it. The pending events sit in {@code outbox} so that a
 * status change and the event announcing it are one atomic write.
 */
@Document("reports")
public class Report {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String unit;
    private String channel;
    private String title;
    private String subtitle;
    private String body;
    private String author;
    private String contributor;
    private String sourceUrl;
    private Instant originalPublishedAt;
    private List<String> tags = new ArrayList<>();
    private List<String> sections = new ArrayList<>();
    private boolean important;
    // a unit's own list (waiting for its sign-off, say) is a lookup, not a read of every unit's reports
    @Indexed
    private ReportStatus status;
    private int revision = 1;
    private String rejectionReason;
    private String changesRequested;
    private String retractionReason;
    private Instant submittedAt;
    private Instant statusChangedAt;
    private String requestFingerprint;
    private String signedOffBy;
    // the unit's note (更正说明) while a correction of the published report is under review; null otherwise
    private String correction;
    private Instant signedOffAt;
    /**
     * The content's fingerprint on the first report of a unit with that content, absent on later copies.
     * Unique, so a bulk import can tell that the unit sent this report before with one lookup that even
     * the embedded store (which serves only unique indexes) answers without a scan.
     */
    @Indexed(unique = true, sparse = true)
    private String contentKey;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected Report() {
    }

    static Report submitted(String id, ReportContent content, Instant at, String requestFingerprint) {
        return submitted(id, content, at, requestFingerprint, false);
    }

    /** @param held the unit signs off its own reports: this one waits for its UNIT_REVIEWER, and nothing is announced yet */
    static Report submitted(String id, ReportContent content, Instant at, String requestFingerprint, boolean held) {
        Report report = new Report();
        report.id = id;
        report.fill(content);
        report.status = held ? ReportStatus.AWAITING_UNIT_SIGN_OFF : ReportStatus.SUBMITTED;
        report.submittedAt = at;
        report.statusChangedAt = at;
        report.requestFingerprint = requestFingerprint;
        report.contentKey = requestFingerprint;
        return report;
    }

    /** Makes this a second copy of content the unit already sent, which a unit may ask for one report at a time. */
    void asCopy() {
        contentKey = null;
    }

    /**
     * Replaces the content with the unit's next revision, after a moderator asked for changes. The
     * fingerprint of the request that made it lets a retried request be recognised.
     */
    void revise(ReportContent content, Instant at, String revisionFingerprint) {
        revise(content, at, revisionFingerprint, false);
    }

    /** As above; a revision of a unit that signs off its own reports waits for its UNIT_REVIEWER again. */
    void revise(ReportContent content, Instant at, String revisionFingerprint, boolean held) {
        if (status != ReportStatus.CHANGES_REQUESTED) {
            throw new ConflictException("report " + id + " is " + status + ": only a report sent back for changes takes a new revision");
        }
        fill(content);
        revision++;
        status = held ? ReportStatus.AWAITING_UNIT_SIGN_OFF : ReportStatus.SUBMITTED;
        signedOffBy = null;
        signedOffAt = null;
        changesRequested = null;
        statusChangedAt = at;
        requestFingerprint = revisionFingerprint;
    }

    private void fill(ReportContent content) {
        unit = content.unit();
        channel = content.channel();
        title = content.title();
        subtitle = content.subtitle();
        body = content.body();
        author = content.author();
        contributor = content.contributor();
        sourceUrl = content.sourceUrl();
        originalPublishedAt = content.originalPublishedAt();
        tags = new ArrayList<>(content.tags());
        sections = new ArrayList<>(content.sections());
        important = content.important();
    }

    /**
     * The unit's responsible person approves the report: it is submitted now, and the caller announces it to
     * moderation in the same write.
     */
    void signOff(String by, Instant at) {
        requireAwaitingSignOff();
        status = ReportStatus.SUBMITTED;
        signedOffBy = by;
        signedOffAt = at;
        statusChangedAt = at;
    }

    /** The unit's responsible person sends the report back to its submitter, who answers with a revision. */
    void returnToSubmitter(String message, Instant at) {
        requireAwaitingSignOff();
        status = ReportStatus.CHANGES_REQUESTED;
        changesRequested = message;
        statusChangedAt = at;
    }

    private void requireAwaitingSignOff() {
        if (status != ReportStatus.AWAITING_UNIT_SIGN_OFF) {
            throw new ConflictException("report " + id + " is " + status + ": only a report awaiting the unit's sign-off can be signed off or sent back");
        }
    }

    /**
     * A correction (更正) of the published report: the new revision goes through review again, with the
     * unit's note, while the published article stays as it is until the correction is signed off.
     */
    void correct(ReportContent content, String note, Instant at, String revisionFingerprint, boolean held) {
        if (status != ReportStatus.PUBLISHED) {
            throw new ConflictException("report " + id + " is " + status + ": only a published report can be corrected");
        }
        fill(content);
        revision++;
        status = held ? ReportStatus.AWAITING_UNIT_SIGN_OFF : ReportStatus.SUBMITTED;
        correction = note;
        signedOffBy = null;
        signedOffAt = null;
        changesRequested = null;
        rejectionReason = null;
        statusChangedAt = at;
        requestFingerprint = revisionFingerprint;
    }

    /**
     * Moderation turned the correction down: the report is the published one again, with the reason to
     * read. False when no correction is under review (a repeated event).
     */
    boolean applyCorrectionRefused(String reason, Instant at) {
        if (correction == null) {
            return false;
        }
        status = ReportStatus.PUBLISHED;
        correction = null;
        rejectionReason = reason;
        changesRequested = null;
        statusChangedAt = at;
        return true;
    }

    /** A request for changes counts only for the revision it was about: a late one cannot reopen a newer revision. */
    boolean applyChangesRequested(int forRevision, String message, Instant at) {
        if (forRevision != revision || status != ReportStatus.SUBMITTED) {
            return false;
        }
        status = ReportStatus.CHANGES_REQUESTED;
        changesRequested = message;
        statusChangedAt = at;
        return true;
    }

    /**
     * Moves to the outcome a moderation event announced, unless a later outcome is already known:
     * events may arrive late or twice, and the newest decision wins.
     */
    boolean applyOutcome(ReportStatus outcome, String reason, Instant decidedAt) {
        if (statusChangedAt != null && decidedAt.isBefore(statusChangedAt) && status != ReportStatus.SUBMITTED) {
            return false;
        }
        if (status == outcome && decidedAt.equals(statusChangedAt)) {
            return false;
        }
        status = outcome;
        correction = null;
        rejectionReason = outcome == ReportStatus.REJECTED ? reason : null;
        retractionReason = outcome == ReportStatus.RETRACTED ? reason : null;
        changesRequested = null;
        statusChangedAt = decidedAt;
        return true;
    }

    void emit(OutboxEvent event) {
        outbox.add(event);
    }

    public String getCorrection() { return correction; }
    public String getId() { return id; }
    public String getUnit() { return unit; }
    public String getChannel() { return channel; }
    public String getTitle() { return title; }
    public String getSubtitle() { return subtitle; }
    public String getBody() { return body; }
    public String getAuthor() { return author; }
    public String getContributor() { return contributor; }
    public String getSourceUrl() { return sourceUrl; }
    public Instant getOriginalPublishedAt() { return originalPublishedAt; }
    public List<String> getTags() { return List.copyOf(tags); }
    public boolean isImportant() { return important; }
    public List<String> getSections() { return sections == null ? List.of() : List.copyOf(sections); }
    public ReportStatus getStatus() { return status; }
    public int getRevision() { return revision; }
    public String getRejectionReason() { return rejectionReason; }
    public String getChangesRequested() { return changesRequested; }
    public String getRetractionReason() { return retractionReason; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public String getRequestFingerprint() { return requestFingerprint; }
    public String getSignedOffBy() { return signedOffBy; }
    public Instant getSignedOffAt() { return signedOffAt; }
    public List<OutboxEvent> getOutbox() { return List.copyOf(outbox); }
}
