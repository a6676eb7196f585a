package dev.herald.ingest.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Polling of registered feeds ({@code herald.ingest.feeds.*}).
 *
 * @param defaultInterval a feed's interval when its unit names none
 * @param minInterval     the shortest interval a unit may ask for: a feed is someone else's server
 * @param maxBackoff      the longest wait after repeated failures
 * @param quietAfter      a feed with no new item for this long shows QUIET
 * @param pollInterval    how often each instance looks for due feeds
 * @param lease           how long a claimed poll keeps other instances off the feed; a crashed instance's claim ends with it
 * @param maxItemsPerPoll new items taken in one poll, oldest first; the rest wait for the next poll
 * @param poller          whether this instance polls in the background at all (the API's poll-now works regardless)
 */
@ConfigurationProperties("herald.ingest.feeds")
public record FeedProperties(Duration defaultInterval, Duration minInterval, Duration maxBackoff, Duration quietAfter,
                             Duration pollInterval, Duration lease, Integer maxItemsPerPoll, Boolean poller) {

    public FeedProperties {
        defaultInterval = defaultInterval == null ? Duration.ofMinutes(30) : defaultInterval;
        minInterval = minInterval == null ? Duration.ofMinutes(5) : minInterval;
        maxBackoff = maxBackoff == null ? Duration.ofHours(24) : maxBackoff;
        quietAfter = quietAfter == null ? Duration.ofDays(14) : quietAfter;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        maxItemsPerPoll = maxItemsPerPoll == null || maxItemsPerPoll <= 0 ? 50 : maxItemsPerPoll;
        poller = poller == null || poller;
    }
}
