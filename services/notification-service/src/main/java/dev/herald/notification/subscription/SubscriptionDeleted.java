package dev.herald.notification.subscription;

/** Published in-process after a subscription is removed, so pending work for it can be dropped. */
public record SubscriptionDeleted(String subscriptionId) {
}
