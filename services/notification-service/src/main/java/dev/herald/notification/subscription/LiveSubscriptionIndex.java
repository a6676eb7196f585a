package dev.herald.notification.subscription;

import dev.herald.notification.matching.SubscriptionCriteria;
import dev.herald.notification.matching.SubscriptionIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * This instance's in-memory index of every subscription, which articles are matched against. The store
 * stays the truth; the index only has to find every subscription that might match:
 * <ul>
 *   <li>loaded whole from the store at start (or by the first match, if that comes first);</li>
 *   <li>changed at once by subscriptions made and deleted through this instance;</li>
 *   <li>every {@code catch-up} interval (5 s), given the subscriptions made or changed since the last look,
 *       less a minute of overlap for clocks and writes in flight, so those made, edited, paused or resumed
 *       through other instances arrive within seconds;</li>
 *   <li>at the same catch-up, rid of the subscriptions other instances deleted since, which each deletion records
 *       ({@link SubscriptionRemoval}); until then, those are filtered out because matches are read back from the store;</li>
 *   <li>every {@code reload} interval (an hour), built anew from the store, should a deletion's record be missing (the
 *       process stopped between the two writes): at a million subscriptions a reload takes minutes of a core;</li>
 *   <li>compacted on the same background thread when its overlay of changes grows large, so that no
 *       request that makes or deletes a subscription ever waits for the seconds a big rebuild takes.</li>
 * </ul>
 * A reload or compaction builds off to the side while matching goes on with the old index; changes made
 * meanwhile are replayed onto the new one before it takes over, so none is lost.
 */
@Component
class LiveSubscriptionIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptionIndex.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionRemovalRepository removals;
    private final Clock clock;
    private final Duration catchUpEvery;
    private final Duration reloadEvery;
    // one reload or catch-up at a time; the monitor of this object guards the fields below
    private final Object refreshing = new Object();
    private volatile SubscriptionIndex index;
    private List<UnaryOperator<SubscriptionIndex>> madeDuringRebuild;
    private Instant caughtUpTo;
    private Instant reloadedAt;
    // the version taken in of each subscription changed within the catch-up's look-back: a catch-up sees every
    // change of the last minute again on each pass, and a burst of ten thousand new subscriptions otherwise
    // rebuilt the overlay ten thousand times every five seconds for a minute
    private final Map<String, Taken> taken = new HashMap<>();

    private record Taken(Long version, Instant updatedAt) {
    }
    private volatile ScheduledExecutorService executor;
    private final java.util.concurrent.atomic.AtomicBoolean compactionQueued = new java.util.concurrent.atomic.AtomicBoolean();

    LiveSubscriptionIndex(SubscriptionRepository subscriptions, SubscriptionRemovalRepository removals, Clock clock,
                          SubscriptionIndexProperties properties) {
        this.subscriptions = subscriptions;
        this.removals = removals;
        this.clock = clock;
        this.catchUpEvery = properties.catchUp();
        this.reloadEvery = properties.reload();
    }

    SubscriptionIndex current() {
        SubscriptionIndex loaded = index;
        if (loaded != null) {
            return loaded;
        }
        synchronized (refreshing) {
            if (index == null) {
                reload();
            }
            return index;
        }
    }

    void added(Subscription subscription) {
        criteria(subscription).ifPresent(c -> change(index -> index.with(c)));
        takeIn(subscription);
    }

    /** A subscription edited, paused or resumed: its old criteria go, its new ones (if it still matches) come. */
    void changed(Subscription subscription) {
        if (!takeIn(subscription)) {
            return;
        }
        Optional<SubscriptionCriteria> now = criteria(subscription);
        change(index -> {
            SubscriptionIndex without = index.contains(subscription.id()) ? index.without(subscription.id()) : index;
            return now.map(without::with).orElse(without);
        });
    }

    void removed(String subscriptionId) {
        synchronized (this) {
            taken.remove(subscriptionId);
        }
        change(index -> index.without(subscriptionId));
    }

    /** Records this version of the subscription; false when the index had already taken it in. */
    private synchronized boolean takeIn(Subscription subscription) {
        if (subscription.version() == null) {
            return true;
        }
        Taken before = taken.get(subscription.id());
        if (before != null && subscription.version().equals(before.version())) {
            return false;
        }
        if (subscription.updatedAt() != null) {
            taken.put(subscription.id(), new Taken(subscription.version(), subscription.updatedAt()));
        }
        return true;
    }

    private synchronized void change(UnaryOperator<SubscriptionIndex> change) {
        if (index != null) {
            index = change.apply(index);
        }
        if (madeDuringRebuild != null) {
            madeDuringRebuild.add(change);
        } else if (index != null && index.wantsCompacting()) {
            compactSoon();
        }
    }

    /**
     * Starts folding the overlay as soon as it is half full rather than at the next catch-up: under a burst of new
     * subscriptions the overlay filled within the five seconds between catch-ups, and the change that overfilled it
     * folded every subscription into a new base on the request path, holding this index's lock while every other
     * request to subscribe waited (at 260,000 subscriptions the bench's rate of subscribing fell from 290 to 167 a
     * second, its request threads mostly blocked here).
     */
    private void compactSoon() {
        ScheduledExecutorService running = executor;
        if (running != null && compactionQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    compactionQueued.set(false);
                    guarded("Compacting", () -> {
                        if (current().wantsCompacting()) {
                            compact();
                        }
                    });
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                compactionQueued.set(false);
            }
        }
    }

    /** Builds the index from every stored subscription and swaps it in. */
    void reload() {
        synchronized (refreshing) {
            Instant started = clock.instant();
            SubscriptionIndex built = rebuild(ignored -> {
                try (Stream<Subscription> stored = subscriptions.streamAllBy()) {
                    return SubscriptionIndex.of(stored.map(LiveSubscriptionIndex::criteria).flatMap(Optional::stream).toList());
                }
            });
            synchronized (this) {
                caughtUpTo = started;
                reloadedAt = started;
                // built from the store itself: whatever the next catch-up finds is taken in again, once
                taken.clear();
            }
            log.info("Subscription index loaded: {} subscriptions in {} ms", built.size(),
                    Duration.between(started, clock.instant()).toMillis());
        }
    }

    /** Folds the overlay of changes into a new base, off the request path. */
    void compact() {
        synchronized (refreshing) {
            rebuild(SubscriptionIndex::compacted);
        }
    }

    /**
     * Builds a new index aside from the current one, then swaps it in with the changes made meanwhile
     * replayed onto it. The current one is taken as the replay starts, so no change falls in between.
     */
    private SubscriptionIndex rebuild(UnaryOperator<SubscriptionIndex> build) {
        SubscriptionIndex from;
        synchronized (this) {
            madeDuringRebuild = new ArrayList<>();
            from = index;
        }
        try {
            SubscriptionIndex built = build.apply(from);
            synchronized (this) {
                for (UnaryOperator<SubscriptionIndex> change : madeDuringRebuild) {
                    built = change.apply(built);
                }
                index = built;
                return built;
            }
        } finally {
            synchronized (this) {
                madeDuringRebuild = null;
            }
        }
    }

    /** Takes in the subscriptions made or changed since the last look, which other instances may have touched. */
    void catchUp() {
        synchronized (refreshing) {
            Instant now = clock.instant();
            Instant from;
            synchronized (this) {
                from = caughtUpTo.minus(OVERLAP);
            }
            List<Subscription> recent = subscriptions.findByUpdatedAtGreaterThanEqual(from);
            List<SubscriptionRemoval> deletions = removals.findByRemovedAtGreaterThanEqual(from);
            synchronized (this) {
                recent.forEach(this::changed);
                // one seen on an earlier pass is gone already, and taking it out again leaves the index as it is
                deletions.forEach(d -> removed(d.subscriptionId()));
                caughtUpTo = now;
                Instant lookBack = now.minus(OVERLAP);
                taken.values().removeIf(t -> t.updatedAt().isBefore(lookBack));
            }
        }
    }

    private void refresh() {
        guarded("Refreshing", () -> {
            boolean due;
            synchronized (this) {
                due = index == null || Duration.between(reloadedAt, clock.instant()).compareTo(reloadEvery) >= 0;
            }
            if (due) {
                reload();
            } else {
                catchUp();
                if (index.wantsCompacting()) {
                    compact();
                }
            }
        });
    }

    /**
     * Runs background work on the index, which never takes a failure with it: matching goes on with the index it has.
     * An error is caught too, since one escaping a periodic task cancels every later run without a word: at a million
     * subscriptions in a 512 MB heap a reload ran out of memory once and the index was never refreshed or folded again.
     */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} the subscription index failed; matching goes on with the one it has: {}", what, e.toString());
        } catch (Error e) {
            log.error("{} the subscription index failed; it is tried again: {}", what, e.toString());
        }
    }

    /** Paused subscriptions, and stored ones without any criterion, match nothing and have no place in the index. */
    static Optional<SubscriptionCriteria> criteria(Subscription subscription) {
        SubscriptionFilter filter = subscription.filter();
        if (filter == null || filter.hasNoCriteria() || !subscription.status().matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(filter.criteria(subscription.id()));
        } catch (IllegalArgumentException nothingSelects) {
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("subscription-index").daemon().factory());
        executor.scheduleWithFixedDelay(this::refresh, 0, catchUpEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
