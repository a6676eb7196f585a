package dev.herald.notification.matching;

/**
 * A subscription an article satisfied, and by what: the article's channel and unit where the subscription
 * asked for them, the first of its keywords (normalised) that occurred, and its saved query if it had one.
 * Each is null where the subscription has no such criterion.
 */
public record SubscriptionMatch(String subscriptionId, String channel, String unit, String keyword, String savedQuery) {
}
