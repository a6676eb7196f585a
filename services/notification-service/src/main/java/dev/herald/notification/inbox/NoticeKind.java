package dev.herald.notification.inbox;

/**
 * ARTICLE: a published article matched a subscription. OUTCOME: what became of a unit's own report.
 * ENDPOINT_DISABLED: a subscription's webhook was switched off, and why. STAGE: a report reached a stage of
 * its review workflow and waits for the people of that stage's role (their desk).
 */
public enum NoticeKind {
    ARTICLE, OUTCOME, ENDPOINT_DISABLED, STAGE
}
