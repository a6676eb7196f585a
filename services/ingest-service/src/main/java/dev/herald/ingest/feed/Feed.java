package dev.herald.ingest.feed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;

/**
 * An RSS or Atom feed a unit registered. The poller claims it by moving {@code nextPollAt} past the
 * lease, so the same field that schedules polls also keeps two instances from polling it at once.
 *
 * @param unit        the registered name of the unit it imports for
 * @param title       the feed's own title, from its last successful poll
 * @param leasedUntil while set and in the future, a poll of this feed is under way somewhere
 * @param lastError   why the last failed poll failed; kept after a later success, with {@code lastErrorAt}
 */
@Document("feeds")
public record Feed(@Id String id, String unit, String url, String title, FeedStatus status, long intervalMinutes,
                   Instant nextPollAt, Instant leasedUntil, Instant lastPolledAt, Instant lastSuccessAt, String lastError,
                   Instant lastErrorAt, int consecutiveFailures, LastItem lastItem, long itemsImported, long itemsSkipped,
                   Instant createdAt, @Version Long version) {

    Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }
}
