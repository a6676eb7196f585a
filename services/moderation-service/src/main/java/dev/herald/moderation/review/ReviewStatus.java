package dev.herald.moderation.review;

/** SCHEDULED: signed off with a publication time still to come ({@code publishAt}); APPROVED once published. */
public enum ReviewStatus {
    PENDING, CHANGES_REQUESTED, SCHEDULED, APPROVED, REJECTED, RETRACTED
}
