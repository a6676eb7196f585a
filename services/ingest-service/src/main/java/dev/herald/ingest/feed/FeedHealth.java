package dev.herald.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/** What a unit should know about a feed at a glance; computed when read, never stored. */
public enum FeedHealth {
    /** Never polled yet. */
    NEW,
    /** The last poll failed; {@code lastError} says why. */
    FAILING,
    /** Polls succeed but nothing new arrived for longer than {@code quiet-after}. */
    QUIET,
    OK;

    static FeedHealth of(Feed feed, Instant now, Duration quietAfter) {
        if (feed.lastPolledAt() == null) {
            return NEW;
        }
        if (feed.consecutiveFailures() > 0) {
            return FAILING;
        }
        // a feed that never brought an item is as quiet as the time since it was registered
        Instant since = feed.lastItem() != null ? feed.lastItem().seenAt() : feed.createdAt();
        return since.plus(quietAfter).isBefore(now) ? QUIET : OK;
    }
}
