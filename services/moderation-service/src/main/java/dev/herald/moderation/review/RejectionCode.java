package dev.herald.moderation.review;

/** Why a report was turned down, in a form that can be counted; the message says it in words. */
public enum RejectionCode {
    SPAM, PROMOTION, DUPLICATE, OFF_TOPIC, INCOMPLETE, POLICY, OTHER
}
