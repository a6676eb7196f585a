package dev.herald.notification.digest;

import dev.herald.notification.delivery.Notice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A notice waiting in, or sent with, a digest window. The id is subscription and notice, so a notice
 * is queued once ever: a redelivered or republished article finds it there, even after its window went
 * out, and is not sent in a second digest. Entries are kept a month for that, then expire.
 */
@Document("digest_entries")
@CompoundIndex(name = "window", def = "{'subscriptionId': 1, 'windowEnd': 1}")
record DigestEntry(@Id String id, String subscriptionId, Instant windowEnd, Notice notice,
                   @Indexed(expireAfter = "30d") Instant addedAt) {

    static String idOf(String subscriptionId, String notificationId) {
        return subscriptionId + "/" + notificationId;
    }
}
