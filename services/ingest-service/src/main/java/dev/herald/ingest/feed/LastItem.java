package dev.herald.ingest.feed;

import java.time.Instant;

/**
 * The newest item a feed has brought in.
 *
 * @param publishedAt the date the feed gave it (published, else updated); null when it gave none
 * @param importedAt  when Herald took it in
 */
public record LastItem(String title, String link, Instant publishedAt, Instant importedAt) {

    /** When the item appeared, as well as can be told: its own date, else when it was taken in. */
    Instant seenAt() {
        return publishedAt != null ? publishedAt : importedAt;
    }
}
