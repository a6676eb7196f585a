package dev.herald.ingest.report;

public enum ReportStatus {
    SUBMITTED, CHANGES_REQUESTED, PUBLISHED, REJECTED, RETRACTED
}
