package dev.herald.ingest.bulk;

public enum BulkItemStatus {
    CREATED, DUPLICATE, INVALID
}
