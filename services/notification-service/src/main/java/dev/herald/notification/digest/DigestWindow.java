package dev.herald.notification.digest;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One subscription's digest window: made by the first notice that falls in it, closed once by the
 * scheduler, and forgotten a month later.
 *
 * @param dueAt       when the scheduler may take it up: its end at first, pushed ahead while a send is under way
 * @param noticeCount how many notices went out, once SENT
 * @param reason      why it was DROPPED
 * @param claim       the token of the hand-over under way, which only that hand-over may close the window with
 */
@Document("digest_windows")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
record DigestWindow(@Id String id, @Indexed String subscriptionId, Instant windowEnd, WindowStatus status, Instant dueAt,
                    int noticeCount, String reason, @Indexed(expireAfter = "30d") Instant closedAt,
                    String claim) {

    static String idOf(String subscriptionId, Instant windowEnd) {
        return subscriptionId + "@" + windowEnd;
    }

    /** What the channel is told, so a window sent twice (after a crash) is still one message. */
    String deliveryKey() {
        return "digest:" + subscriptionId + ":" + windowEnd;
    }
}
