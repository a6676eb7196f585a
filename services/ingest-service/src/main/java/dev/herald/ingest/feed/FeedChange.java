package dev.herald.ingest.feed;

/** What a unit may change of its feed; absent fields stay as they are. */
record FeedChange(Integer intervalMinutes, FeedStatus status) {
}
