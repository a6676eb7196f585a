package dev.herald.ingest.report;

import java.time.Instant;
import java.util.List;

public record ReportView(String id, ReportStatus status, int revision, String rejectionReason, String changesRequested, String retractionReason, String unit, String channel,
                         String title, String subtitle, String body, String author, String contributor,
                         String sourceUrl, Instant originalPublishedAt, List<String> tags, List<String> sections,
                         Instant submittedAt, Instant statusChangedAt, boolean important, String signedOffBy,
                         Instant signedOffAt, String correction) {

    static ReportView of(Report r) {
        return new ReportView(r.getId(), r.getStatus(), r.getRevision(), r.getRejectionReason(), r.getChangesRequested(), r.getRetractionReason(), r.getUnit(), r.getChannel(),
                r.getTitle(), r.getSubtitle(), r.getBody(), r.getAuthor(), r.getContributor(), r.getSourceUrl(),
                r.getOriginalPublishedAt(), r.getTags(), r.getSections(), r.getSubmittedAt(), r.getStatusChangedAt(), r.isImportant(),
                r.getSignedOffBy(), r.getSignedOffAt(), r.getCorrection());
    }
}
