package dev.herald.notification.subscription;

/**
 * ACTIVE matches and delivers. PAUSED matches nothing until resumed. PENDING_VERIFICATION keeps notices
 * in the inbox but mails nothing until the address is confirmed. DISABLED (an endpoint that kept failing
 * or answered 410) keeps notices in the inbox and calls nothing until the subscriber resumes it.
 */
public enum SubscriptionStatus {
    ACTIVE, PAUSED, PENDING_VERIFICATION, DISABLED;

    public boolean matches() {
        return this != PAUSED;
    }

    public boolean delivers() {
        return this == ACTIVE;
    }
}
