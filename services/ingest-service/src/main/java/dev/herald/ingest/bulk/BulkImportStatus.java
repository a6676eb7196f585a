package dev.herald.ingest.bulk;

public enum BulkImportStatus {
    RUNNING, COMPLETED, FAILED
}
