package dev.herald.notification.delivery;

import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;

import java.util.List;

/**
 * A way out besides the inbox (webhook, e-mail). A channel owes one message per call, stored before it
 * returns so a restart loses nothing, and sends it on its own schedule with its own retries.
 */
public interface DeliveryChannel {

    DeliveryType type();

    /**
     * Owes one message carrying the notices: one for an immediate subscription, a digest's worth otherwise.
     *
     * @param key what makes the message unique (the notice id, or subscription and digest window); a second
     *            call with the same key owes nothing more
     */
    void deliver(Subscription subscription, List<Notice> notices, String key);

    /** What one call of {@link #deliver} owes. */
    record Owed(Subscription subscription, List<Notice> notices, String key) {
    }

    /**
     * Owes every one of the messages, as many calls of {@link #deliver} would; a channel that stores them in
     * bulk overrides it, as one article may owe thousands.
     */
    default void deliverAll(List<Owed> owed) {
        owed.forEach(o -> deliver(o.subscription(), o.notices(), o.key()));
    }
}
