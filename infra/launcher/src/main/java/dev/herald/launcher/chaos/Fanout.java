package dev.herald.launcher.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one HTTP read per item with a few in flight at once, as several clients would: at 10,000 reports
 * an audit that asked one question at a time spent most of a scenario waiting on round trips.
 */
final class Fanout {

    private static final int IN_FLIGHT = 8;

    private Fanout() {
    }

    /** The results in the items' order. */
    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(clients.submit(() -> {
                    slots.acquire();
                    try {
                        return call.apply(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
