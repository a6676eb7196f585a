package dev.herald.notification.delivery;

public enum DeliveryStatus {
    /** waiting for its next attempt, or under way */
    PENDING,
    DELIVERED,
    /** given up: the schedule ran out, or the endpoint answered 410 Gone; can be replayed */
    FAILED,
    /** dropped unsent because its subscription was deleted, disabled or no longer delivers by webhook */
    CANCELLED
}
