package dev.herald.notification.subscription;

/** Published in-process when a subscription's endpoint is switched off, so its subscriber can be told in the inbox. */
public record SubscriptionDisabled(String subscriptionId, String subscriber, String reason) {
}
