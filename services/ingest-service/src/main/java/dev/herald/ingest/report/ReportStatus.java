package dev.herald.ingest.report;

/**
 * AWAITING_UNIT_SIGN_OFF: the report of a unit that signs off its own reports waits for its UNIT_REVIEWER;
 * moderation has not been told of it yet.
 */
public enum ReportStatus {
    AWAITING_UNIT_SIGN_OFF, SUBMITTED, CHANGES_REQUESTED, PUBLISHED, REJECTED, RETRACTED
}
