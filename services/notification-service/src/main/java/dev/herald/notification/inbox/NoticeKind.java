package dev.herald.notification.inbox;

/**
 * ARTICLE: a published article matched a subscription. OUTCOME: what became of a unit's own report.
 * ENDPOINT_DISABLED: a subscription's webhook was switched off, and why.
 */
public enum NoticeKind {
    ARTICLE, OUTCOME, ENDPOINT_DISABLED
}
