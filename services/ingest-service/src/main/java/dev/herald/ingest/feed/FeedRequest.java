package dev.herald.ingest.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A feed to register; {@code intervalMinutes} defaults to {@code herald.ingest.feeds.default-interval}. */
record FeedRequest(@NotBlank @Size(max = 2000) String url, Integer intervalMinutes) {
}
