package dev.herald.ingest.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The one background loop per instance that looks for due feeds every {@code poll-interval} and polls
 * each it manages to claim. Instances share the work through the claims, not through any coordination.
 */
@Component
class FeedScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final Feeds feeds;
    private final FeedPoller poller;
    private final FeedProperties properties;
    private final Clock clock;
    private volatile Thread thread;

    FeedScheduler(Feeds feeds, FeedPoller poller, FeedProperties properties, Clock clock) {
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

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(properties.pollInterval());
                pollDue();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                // the store being away for a moment must not end the loop
                log.warn("looking for due feeds failed", e);
            }
        }
    }

    @Override
    public void start() {
        if (properties.poller() && thread == null) {
            Thread t = new Thread(this::run, "feed-poller");
            t.setDaemon(true);
            t.start();
            thread = t;
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
