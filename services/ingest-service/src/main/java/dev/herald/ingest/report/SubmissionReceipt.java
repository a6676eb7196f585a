package dev.herald.ingest.report;

public record SubmissionReceipt(String id, ReportStatus status, int revision) {
}
