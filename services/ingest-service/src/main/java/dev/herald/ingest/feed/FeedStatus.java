package dev.herald.ingest.feed;

/** Whether the poller takes a feed; a paused feed keeps its history and items. */
public enum FeedStatus {
    ACTIVE, PAUSED
}
