package dev.herald.notification.subscription;

/** Which value of each criterion an article satisfied; null where the subscription has no such criterion. */
public record MatchedBy(String channel, String unit, String keyword) {
}
