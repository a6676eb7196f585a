package dev.herald.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed's health follows from its record and the time: no clock needs to move. */
class FeedHealthTest {

    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    static final Duration QUIET_AFTER = Duration.ofDays(14);

    @Test
    void aFeedNeverPolledIsNewAndOneWhoseLastPollFailedIsFailing() {
        assertThat(FeedHealth.of(feed(null, 0, null, NOW.minus(Duration.ofDays(30))), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.NEW);
        assertThat(FeedHealth.of(feed(NOW, 1, item(NOW), NOW), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.FAILING);
    }

    @Test
    void quietCountsFromTheLastItemOrElseFromRegistration() {
        Instant registered = NOW.minus(Duration.ofDays(20));
        assertThat(FeedHealth.of(feed(NOW, 0, item(NOW.minus(Duration.ofDays(13))), registered), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.OK);
        assertThat(FeedHealth.of(feed(NOW, 0, item(NOW.minus(Duration.ofDays(15))), registered), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.QUIET);
        assertThat(FeedHealth.of(feed(NOW, 0, null, registered), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.QUIET);
        assertThat(FeedHealth.of(feed(NOW, 0, null, NOW.minus(Duration.ofDays(1))), NOW, QUIET_AFTER)).isEqualTo(FeedHealth.OK);
    }

    @Test
    void failuresDoubleTheWaitUpToTheCap() {
        Duration cap = Duration.ofHours(24);
        assertThat(Feeds.backoff(Duration.ofMinutes(30), 1, cap)).isEqualTo(Duration.ofMinutes(60));
        assertThat(Feeds.backoff(Duration.ofMinutes(30), 3, cap)).isEqualTo(Duration.ofMinutes(240));
        assertThat(Feeds.backoff(Duration.ofMinutes(30), 40, cap)).isEqualTo(cap);
    }

    private static LastItem item(Instant published) {
        return new LastItem("标题", "http://example.org/1", published, NOW);
    }

    private static Feed feed(Instant lastPolledAt, int failures, LastItem lastItem, Instant createdAt) {
        return new Feed("fd-1", "某单位", "http://example.org/feed.xml", null, FeedStatus.ACTIVE, 30, NOW, null, lastPolledAt,
                failures == 0 ? lastPolledAt : null, failures == 0 ? null : "the server answered 500", null, failures, lastItem, 0, 0,
                createdAt, 0L);
    }
}
