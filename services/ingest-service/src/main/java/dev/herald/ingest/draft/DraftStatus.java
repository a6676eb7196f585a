package dev.herald.ingest.draft;

public enum DraftStatus {
    /** being looked over and edited by its unit */
    OPEN,
    /** sent on as a report; the report carries it from here */
    SUBMITTED,
    DISCARDED
}
