package dev.herald.notification.delivery;

public enum DeliveryStatus {
    /** waiting for its next attempt */
    PENDING,
    DELIVERED,
    /** gave up after the configured attempts */
    FAILED,
    /** the subscription was deleted before the delivery got through */
    CANCELLED
}
