package dev.herald.infra.embedded.store;

import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How big the store's file grows for a given write load: {@link StoreChurn}'s big documents inserted,
 * rewritten and deleted by four writers with a reader scanning, until {@code --writes=N} (default
 * 20,000) were acknowledged ({@code --retention-ms=M} for another {@link StoreSettings#retention()});
 * prints the file's size every 10 s, its largest, what a clean close leaves, and the size of a copy
 * holding only the live data.
 */
public final class StoreFileSizeBench {

    private StoreFileSizeBench() {
    }

    public static void main(String[] args) throws Exception {
        long writes = java.util.Arrays.stream(args).filter(a -> a.startsWith("--writes=")).findFirst()
                .map(a -> Long.parseLong(a.substring("--writes=".length()))).orElse(20_000L);
        Path dir = Files.createTempDirectory("store-size");
        Path file = dir.resolve("herald.mv");
        int port = Ports.free();
        StoreChurn churn = new StoreChurn(4);
        AtomicLong largest = new AtomicLong();
        long start = System.nanoTime();
        StoreSettings settings = java.util.Arrays.stream(args).filter(a -> a.startsWith("--retention-ms=")).findFirst()
                .map(a -> StoreSettings.defaults().withRetention(java.time.Duration.ofMillis(
                        Long.parseLong(a.substring("--retention-ms=".length()))))).orElse(StoreSettings.defaults());
        long interval = option(args, "--interval-ms=", settings.housekeepingInterval().toMillis());
        long compactMs = option(args, "--compact-ms=", settings.compactTimePerPass().toMillis());
        settings = settings.withCompaction(java.time.Duration.ofMillis(interval), java.time.Duration.ofMillis(compactMs));
        System.out.printf("housekeeping every %d ms, compacting up to %d ms a pass, retention %s%n", interval, compactMs,
                settings.retention());
        EmbeddedMongo store = EmbeddedMongo.onDisk(dir, port, true, settings);
        MVStore mv = store.indexedBackend().getMvStore();
        churn.runUntilKilled(port, () -> {
            long lastPrint = 0;
            while (churn.acknowledgedWrites() < writes) {
                try {
                    Thread.sleep(200);
                    long size = Files.size(file);
                    largest.accumulateAndGet(size, Math::max);
                    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                    if (seconds >= lastPrint + 10) {
                        lastPrint = seconds;
                        System.out.printf("%4d s: %d writes, %d documents, file %.1f MB, chunks %d%% live%n", seconds,
                                churn.acknowledgedWrites(), churn.liveDocuments(), size / 1e6,
                                mv.getFileStore().getChunksFillRate());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        long running = Files.size(file);
        store.close();
        Path live = dir.resolve("live.mv");
        MVStore.compact(file.toString(), live.toString(), false, null);
        System.out.printf("%d writes in %d s, %d documents: file %.1f MB at the end, %.1f MB at most, %.1f MB after close;"
                        + " live data %.1f MB%n", churn.acknowledgedWrites(), (System.nanoTime() - start) / 1_000_000_000L,
                churn.liveDocuments(), running / 1e6, largest.get() / 1e6, Files.size(file) / 1e6, Files.size(live) / 1e6);
        System.exit(0);
    }

    private static long option(String[] args, String name, long otherwise) {
        return java.util.Arrays.stream(args).filter(a -> a.startsWith(name)).findFirst()
                .map(a -> Long.parseLong(a.substring(name.length()))).orElse(otherwise);
    }
}
