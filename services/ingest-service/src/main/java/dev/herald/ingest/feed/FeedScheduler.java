package dev.herald.ingest.feed;

import dev.herald.support.periodic.PeriodicPass;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one background loop per instance that looks for due feeds every {@code poll-interval} and polls
 * each it manages to claim. Instances share the work through the claims, not through any coordination.
 */
@Component
class FeedScheduler extends PeriodicPass {

    private final Feeds feeds;
    private final FeedPoller poller;
    private final FeedProperties properties;
    private final Clock clock;

    // stopping interrupts a pass at once: the claim of the feed it was polling lapses with its lease
    FeedScheduler(Feeds feeds, FeedPoller poller, FeedProperties properties, Clock clock) {
        super("feed-poller", properties.pollInterval(), Duration.ZERO);
        this.feeds = feeds;
        this.poller = poller;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls every feed due now that no other instance holds; returns how many were polled. */
    int pollDue() {
        int polled = 0;
        for (Optional<Feed> due; (due = feeds.claimDue(clock.instant(), properties.lease())).isPresent(); polled++) {
            poller.poll(due.get());
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return polled;
    }

    @Override
    protected void pass() {
        pollDue();
    }

    @Override
    public void start() {
        if (properties.poller()) {
            super.start();
        }
    }
}
