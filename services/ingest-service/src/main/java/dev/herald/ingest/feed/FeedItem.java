package dev.herald.ingest.feed;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An item a feed has brought, recorded once under an id derived from feed and item id: the record is
 * what makes a redelivered item cost nothing, and the unique id what makes two writers record it once.
 *
 * @param itemId   guid or atom:id, else the link, else a hash of title and date
 * @param reason   for INVALID, and for a trusted unit's item left as a draft, why
 * @param draftId  the draft made (DRAFTED, SUBMITTED)
 * @param reportId the report it became (SUBMITTED)
 */
@Document("feed_items")
public record FeedItem(@Id String id, String feedId, String itemId, String title, String link, Instant publishedAt,
                       ItemOutcome outcome, String reason, String draftId, String reportId, Instant recordedAt) {

    static String id(String feedId, String itemId) {
        return "fi-" + UUID.nameUUIDFromBytes((feedId + "\n" + itemId).getBytes(StandardCharsets.UTF_8));
    }

    /** The draft an item becomes: the same for every instance and every poll, so it is made once. */
    static String draftId(String feedId, String itemId) {
        return "drf-" + UUID.nameUUIDFromBytes(("feed\n" + feedId + "\n" + itemId).getBytes(StandardCharsets.UTF_8));
    }
}
