package dev.herald.moderation.review;

public enum ReviewStatus {
    PENDING, CHANGES_REQUESTED, APPROVED, REJECTED, RETRACTED
}
