package dev.herald.ingest.report;

import dev.herald.events.ArticleSubmitted;
import dev.herald.events.HeraldEvents;
import dev.herald.support.outbox.Outbox;
import dev.herald.support.web.NotFoundException;
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
    private final Outbox outbox;
    private final PublishedAtParser publishedAtParser;
    private final MeterRegistry meters;
    private final Clock clock;

    ReportService(ReportRepository reports, Outbox outbox, PublishedAtParser publishedAtParser,
                  MeterRegistry meters, Clock clock) {
        this.reports = reports;
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
     * one's report instead of making a second; the same key with a different request is refused.
     */
    public Submission submit(String unit, SubmitReportRequest request, String idempotencyKey) {
        ReportContent content = new ReportContent(unit.strip(), request.channel().strip(),
                request.title().strip(), blankToNull(request.subtitle()), request.body(),
                blankToNull(request.author()), blankToNull(request.contributor()), blankToNull(request.sourceUrl()),
                publishedAtParser.parse(request.originalPublishedAt()),
                request.tags() == null ? java.util.List.of() : request.tags().stream().map(String::strip).distinct().toList());
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
        Report report = Report.submitted(id, content, now, fingerprint);
        report.emit(outbox.entry(HeraldEvents.ARTICLE_SUBMITTED, new ArticleSubmitted(UUID.randomUUID(), now, id,
                content.unit(), content.channel(), content.title(), content.subtitle(), content.body(),
                content.author(), content.contributor(), content.sourceUrl(), content.originalPublishedAt(),
                content.tags())));
        try {
            Report saved = reports.insert(report);
            meters.counter("herald.reports.submitted", "outcome", "accepted").increment();
            return new Submission(saved, true);
        } catch (DuplicateKeyException concurrentRetry) {
            return replay(reports.findById(id).orElseThrow(), fingerprint);
        }
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
        return reports.findById(id).filter(r -> r.getUnit().equals(unit))
                .orElseThrow(() -> new NotFoundException("report", id));
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
