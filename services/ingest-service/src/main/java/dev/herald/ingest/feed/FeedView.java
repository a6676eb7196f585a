package dev.herald.ingest.feed;

import java.time.Instant;

/** A feed as its unit sees it, with its health as of now. */
record FeedView(String id, String unit, String url, String title, FeedStatus status, FeedHealth health, long intervalMinutes,
                Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                int consecutiveFailures, LastItem lastItem, long itemsImported, long itemsSkipped, Instant createdAt) {

    static FeedView of(Feed f, FeedHealth health) {
        return new FeedView(f.id(), f.unit(), f.url(), f.title(), f.status(), health, f.intervalMinutes(), f.nextPollAt(),
                f.lastPolledAt(), f.lastSuccessAt(), f.lastError(), f.lastErrorAt(), f.consecutiveFailures(), f.lastItem(),
                f.itemsImported(), f.itemsSkipped(), f.createdAt());
    }
}
