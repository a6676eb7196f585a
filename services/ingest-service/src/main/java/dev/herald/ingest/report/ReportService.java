package dev.herald.ingest.report;

import dev.herald.events.ArticleSubmitted;
import dev.herald.events.HeraldEvents;
import dev.herald.events.UnitSignOffChanged;
import dev.herald.ingest.registry.Registry;
import dev.herald.support.outbox.Outbox;
import dev.herald.support.outbox.OutboxEvent;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.Paragraphs;
import dev.herald.support.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

@Service
public class ReportService {

    private final ReportRepository reports;
    private final Registry registry;
    private final Outbox outbox;
    private final PublishedAtParser publishedAtParser;
    private final MeterRegistry meters;
    private final Clock clock;

    ReportService(ReportRepository reports, Registry registry, Outbox outbox, PublishedAtParser publishedAtParser,
                  MeterRegistry meters, Clock clock) {
        this.reports = reports;
        this.registry = registry;
        this.outbox = outbox;
        this.publishedAtParser = publishedAtParser;
        this.meters = meters;
        this.clock = clock;
    }

    public record Submission(Report report, boolean created) {
    }

    /**
     * Accepts a report and queues its {@code article-submitted} event in the same write. With an
     * idempotency key the report id is derived from unit and key, so a retried request finds the first
     * one's report instead of making a second; the same key with a different request is refused. A
     * report with the same content as an earlier one of the unit is accepted as a second copy.
     */
    public Submission submit(String unit, SubmitReportRequest request, String idempotencyKey) {
        return submit(unit, request, idempotencyKey, true);
    }

    /**
     * As {@link #submit}, but a report whose content the unit already sent (under any key, or none) is
     * answered with that earlier report instead of a copy: what a bulk import wants, where the same file
     * sent twice under two keys must not double the queue.
     */
    public Submission submitOnce(String unit, SubmitReportRequest request, String idempotencyKey) {
        return submit(unit, request, idempotencyKey, false);
    }

    private Submission submit(String unit, SubmitReportRequest request, String idempotencyKey, boolean copies) {
        ReportContent content = content(unit, request);
        String fingerprint = fingerprint(content);
        String id = idempotencyKey == null
                ? "rpt-" + UUID.randomUUID()
                : "rpt-" + UUID.nameUUIDFromBytes((content.unit() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));

        if (idempotencyKey != null) {
            var earlier = reports.findById(id);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        Instant now = clock.instant();
        boolean held = registry.accept(content.unit(), content.channel()).unit().unitSignOff();
        Report report = Report.submitted(id, content, now, fingerprint, held);
        report.emit(held ? signOffEvent(report, "AWAITING", null, null, now) : submittedEvent(report, now));
        try {
            return accepted(reports.insert(report));
        } catch (DuplicateKeyException idOrContentTaken) {
            var earlier = reports.findById(id);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
            var sameContent = reports.findByContentKey(fingerprint);
            if (sameContent.isPresent() && !copies) {
                meters.counter("herald.reports.submitted", "outcome", "duplicate").increment();
                return new Submission(sameContent.get(), false);
            }
            report.asCopy();
            return accepted(reports.insert(report));
        }
    }

    private Submission accepted(Report saved) {
        meters.counter("herald.reports.submitted", "outcome", "accepted").increment();
        return new Submission(saved, true);
    }

    /**
     * Accepts the unit's next revision of a report a moderator sent back, and announces it as a new
     * submission of the same article, which moderation takes into the same review. A retry of the
     * request that made the current revision (same Idempotency-Key and content) is answered as before.
     */
    public Submission revise(String id, String unit, SubmitReportRequest request, String idempotencyKey) {
        Report report = getForUnit(id, unit);
        ReportContent content = content(unit, request);
        String fingerprint = idempotencyKey == null ? null : fingerprint(content) + ":" + idempotencyKey;
        if (fingerprint != null && report.getRevision() > 1 && fingerprint.equals(report.getRequestFingerprint())) {
            meters.counter("herald.reports.revised", "outcome", "replayed").increment();
            return new Submission(report, false);
        }
        Instant now = clock.instant();
        boolean held = registry.accept(content.unit(), content.channel()).unit().unitSignOff();
        report.revise(content, now, fingerprint == null ? fingerprint(content) : fingerprint, held);
        report.emit(held ? signOffEvent(report, "AWAITING", null, null, now) : submittedEvent(report, now));
        Report saved = reports.save(report);
        meters.counter("herald.reports.revised", "outcome", "accepted").increment();
        return new Submission(saved, true);
    }

    /**
     * Accepts a correction (更正) of a published report: its next revision, announced as a submission that
     * carries the unit's note, so moderation reviews it again while the published article stays public. A
     * retry of the request that made the current revision is answered as before.
     */
    public Submission correct(String id, String unit, CorrectionRequest request, String idempotencyKey) {
        Report report = getForUnit(id, unit);
        ReportContent content = content(unit, request.report());
        String note = request.note().strip();
        String fingerprint = idempotencyKey == null ? null : fingerprint(content) + ":" + note + ":" + idempotencyKey;
        if (fingerprint != null && fingerprint.equals(report.getRequestFingerprint())) {
            meters.counter("herald.reports.corrected", "outcome", "replayed").increment();
            return new Submission(report, false);
        }
        Instant now = clock.instant();
        boolean held = registry.accept(content.unit(), content.channel()).unit().unitSignOff();
        report.correct(content, note, now, fingerprint == null ? fingerprint(content) : fingerprint, held);
        report.emit(held ? signOffEvent(report, "AWAITING", null, null, now) : submittedEvent(report, now));
        Report saved = reports.save(report);
        meters.counter("herald.reports.corrected", "outcome", "accepted").increment();
        return new Submission(saved, true);
    }

    /** Moderation turned a correction down: the report is the published one again. */
    public void recordCorrectionRefused(String id, String reason, Instant at) {
        reports.findById(id).ifPresent(report -> {
            if (report.applyCorrectionRefused(reason, at)) {
                reports.save(report);
            }
        });
    }

    /**
     * The unit's UNIT_REVIEWER approves a report waiting for the unit's sign-off: article-submitted leaves now,
     * in the same write. Another unit's report is a 404, as everywhere.
     */
    public Report signOff(String id, String unit, String reviewer) {
        Report report = getForUnit(id, unit);
        Instant now = clock.instant();
        report.signOff(reviewer, now);
        report.emit(submittedEvent(report, now));
        report.emit(signOffEvent(report, "SIGNED_OFF", reviewer, null, now));
        Report saved = reports.save(report);
        meters.counter("herald.reports.unit-sign-off", "outcome", "signed-off").increment();
        return saved;
    }

    /** The unit's UNIT_REVIEWER sends a waiting report back to its submitter with a message; moderation never sees it. */
    public Report returnToSubmitter(String id, String unit, String reviewer, String message) {
        Report report = getForUnit(id, unit);
        Instant now = clock.instant();
        report.returnToSubmitter(message, now);
        report.emit(signOffEvent(report, "RETURNED", reviewer, message, now));
        Report saved = reports.save(report);
        meters.counter("herald.reports.unit-sign-off", "outcome", "sent-back").increment();
        return saved;
    }

    /** A unit's own reports in one status, the latest first: what its responsible person has to sign off. */
    public org.springframework.data.domain.Page<Report> forUnit(String unit, ReportStatus status, int page, int size) {
        String registered = registry.registeredName(unit);
        return reports.findByUnitAndStatus(registered, status, org.springframework.data.domain.PageRequest.of(page, size,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("statusChangedAt"),
                        org.springframework.data.domain.Sort.Order.asc("_id"))));
    }

    // for the people of the unit: its reviewers learn what waits for them, its submitter what they decided
    private OutboxEvent signOffEvent(Report r, String state, String by, String message, Instant now) {
        return outbox.entry(HeraldEvents.UNIT_SIGN_OFF_CHANGED, new UnitSignOffChanged(UUID.randomUUID(), now, r.getId(),
                r.getRevision(), r.getUnit(), r.getChannel(), r.getTitle(), state, by, message));
    }

    private OutboxEvent submittedEvent(Report r, Instant now) {
        return outbox.entry(HeraldEvents.ARTICLE_SUBMITTED, new ArticleSubmitted(UUID.randomUUID(), now, r.getId(), r.getUnit(), r.getChannel(), r.getTitle(),
                r.getSubtitle(), r.getBody(), r.getAuthor(), r.getContributor(), r.getSourceUrl(), r.getOriginalPublishedAt(),
                r.getTags(), r.getRevision(), r.getSections(), r.isImportant(), r.getCorrection()));
    }

    /** The report as it will be kept: under the registered names of its unit and channel, however they were written. */
    private ReportContent content(String unit, SubmitReportRequest request) {
        Registry.Accepted accepted = registry.accept(unit, request.channel());
        return new ReportContent(accepted.unit().name(), accepted.channel().name(),
                request.title().strip(), blankToNull(request.subtitle()), request.body(),
                blankToNull(request.author()), blankToNull(request.contributor()), blankToNull(request.sourceUrl()),
                publishedAtParser.parse(request.originalPublishedAt()),
                request.tags() == null ? java.util.List.of() : request.tags().stream().map(String::strip).distinct().toList(),
                sections(request), Boolean.TRUE.equals(request.important()));
    }

    /** Section titles must be paragraphs of the body: a title that is not would mark nothing. */
    private static java.util.List<String> sections(SubmitReportRequest request) {
        if (request.sections() == null || request.sections().isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> present = Paragraphs.keepPresent(request.body(), request.sections());
        for (String title : request.sections()) {
            if (!present.contains(title.strip())) {
                throw new InvalidRequestException("sections", "'" + title.strip() + "' is not a paragraph of the body");
            }
        }
        return present;
    }

    private Submission replay(Report earlier, String fingerprint) {
        if (!earlier.getRequestFingerprint().equals(fingerprint)) {
            throw new UnprocessableException("Idempotency-Key was already used for a different report");
        }
        meters.counter("herald.reports.submitted", "outcome", "replayed").increment();
        return new Submission(earlier, false);
    }

    public Report get(String id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** A unit sees only its own reports; another unit's report answers exactly as a missing one. */
    public Report getForUnit(String id, String unit) {
        String registered = registry.registeredName(unit);
        return reports.findById(id).filter(r -> r.getUnit().equals(registered))
                .orElseThrow(() -> new NotFoundException("report", id));
    }

    /** Records a moderator's request for changes; returns false when it is stale or repeated. */
    public boolean recordChangesRequested(String id, int revision, String message, Instant at) {
        Report report = reports.findById(id).orElse(null);
        if (report == null || !report.applyChangesRequested(revision, message, at)) {
            return false;
        }
        reports.save(report);
        meters.counter("herald.reports.outcomes", "status", ReportStatus.CHANGES_REQUESTED.name()).increment();
        return true;
    }

    /** Records a moderation outcome; returns false when it changed nothing (stale or repeated). */
    public boolean recordOutcome(String id, ReportStatus outcome, String reason, Instant decidedAt) {
        Report report = reports.findById(id).orElse(null);
        if (report == null || !report.applyOutcome(outcome, reason, decidedAt)) {
            return false;
        }
        reports.save(report);
        meters.counter("herald.reports.outcomes", "status", outcome.name()).increment();
        return true;
    }

    private static String fingerprint(ReportContent content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
