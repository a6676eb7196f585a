package dev.herald.notification.subscription;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's periodic refresh outlives a failure of any kind, an error included, and tries again. */
class IndexRefreshSurvivesErrorsTest {

    @Test
    void aReloadThatRunsOutOfMemoryIsTriedAgainAtTheNextRefresh() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        SubscriptionRepository store = (SubscriptionRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SubscriptionRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "streamAllBy" -> {
                        if (reloads.incrementAndGet() == 1) throw new OutOfMemoryError("Java heap space");
                        yield Stream.empty();
                    }
                    case "findByUpdatedAtGreaterThanEqual" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        SubscriptionRemovalRepository removals = (SubscriptionRemovalRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SubscriptionRemovalRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findByRemovedAtGreaterThanEqual" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        LiveSubscriptionIndex index = new LiveSubscriptionIndex(store, removals, Clock.systemUTC(),
                new SubscriptionIndexProperties(Duration.ofMillis(20), Duration.ofMinutes(10)));

        index.start();
        try {
            for (int i = 0; i < 250 && reloads.get() < 2; i++) Thread.sleep(20);
        } finally {
            index.stop();
        }

        assertThat(reloads.get()).as("reloads tried, the first running out of memory").isGreaterThanOrEqualTo(2);
    }
}
