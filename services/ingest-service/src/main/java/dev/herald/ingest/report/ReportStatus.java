package dev.herald.ingest.report;

public enum ReportStatus {
    SUBMITTED, PUBLISHED, REJECTED
}
