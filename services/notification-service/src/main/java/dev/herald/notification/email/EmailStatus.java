package dev.herald.notification.email;

public enum EmailStatus {
    /** waiting for its next attempt */
    PENDING,
    SENT,
    /** gave up after the configured attempts */
    FAILED,
    /** no longer wanted when its turn came: subscription gone or paused, address changed or unconfirmed */
    CANCELLED
}
