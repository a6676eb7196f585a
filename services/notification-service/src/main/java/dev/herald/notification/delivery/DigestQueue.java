package dev.herald.notification.delivery;

import dev.herald.notification.subscription.Subscription;

/** Holds the notices of hourly and daily subscriptions until their window closes and one digest goes out. */
public interface DigestQueue {

    /** Adds the notice to the subscription's open window; adding the same notice twice keeps one. */
    void add(Subscription subscription, Notice notice);
}
