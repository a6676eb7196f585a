package dev.herald.moderation.review;

public enum ReviewStatus {
    PENDING, APPROVED, REJECTED
}
