package dev.herald.support.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code herald.deadletters.depth}: open dead letters (neither replayed nor discarded) by original
 * topic. Recounted after every change this instance makes and on a schedule for those of other
 * instances, never on a scrape, so a busy metrics endpoint cannot turn into a stream of queries.
 */
class DeadLetterDepth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetterStore store;
    private final Duration interval;
    private final Map<String, AtomicLong> depth = new LinkedHashMap<>();
    private ScheduledExecutorService schedule;

    DeadLetterDepth(DeadLetterStore store, DeadLetterSources sources, MeterRegistry meters, Duration interval) {
        this.store = store;
        this.interval = interval;
        for (String topic : sources.topics()) {
            AtomicLong count = new AtomicLong();
            depth.put(topic, count);
            Gauge.builder("herald.deadletters.depth", count, AtomicLong::get)
                    .description("Dead letters neither replayed nor discarded, by original topic, as of the last count")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    void recount() {
        depth.forEach((topic, count) -> count.set(store.open(topic)));
    }

    long depth(String topic) {
        AtomicLong count = depth.get(topic);
        return count == null ? 0 : count.get();
    }

    private void recountQuietly() {
        try {
            recount();
        } catch (RuntimeException e) {
            // the store is down: the gauges keep their last count until it is back
            log.debug("Dead-letter depth not recounted: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dead-letter-depth").daemon().factory());
        schedule.scheduleWithFixedDelay(this::recountQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
