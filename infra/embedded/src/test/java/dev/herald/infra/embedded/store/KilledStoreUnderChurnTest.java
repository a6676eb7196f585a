package dev.herald.infra.embedded.store;

import dev.herald.infra.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store killed again and again at random moments while big documents are inserted, rewritten and
 * deleted and a reader scans: each time it opens again, holds every acknowledged write, and no read
 * fails while the file is being reorganised under it. A life lasts 0.3 to 2.5 s from the first
 * acknowledged write, every third 5.5 to 8 s. The suite runs about 20 s of it (its minutes are the suite's scarcest resource); a soak runs
 * longer with {@code -Dherald.store.churn-seconds=600}.
 */
class KilledStoreUnderChurnTest {

    private static final long SECONDS = Long.getLong("herald.store.churn-seconds", 20);
    private static final int MOST_CYCLES = Integer.getInteger("herald.store.churn-cycles", 40);

    @Test
    void aStoreKilledAtRandomMomentsAlwaysOpensWithEveryAcknowledgedWrite(@TempDir Path dir) throws Exception {
        StoreChurn churn = new StoreChurn(4);
        List<String> lost = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int cycles = 0;
        while (cycles < MOST_CYCLES && System.nanoTime() < end && lost.isEmpty()) {
            int port = Ports.free();
            Process store = StoreChurn.startStore(dir, port);
            try {
                // every third life outlasts a housekeeping pass (StoreSettings), so some kills land in or after one
                long lifetime = cycles % 3 == 2 ? ThreadLocalRandom.current().nextLong(5_500, 8_000)
                        : ThreadLocalRandom.current().nextLong(300, 2_500);
                liveUntilKilled(churn, store, lifetime, port);
            } finally {
                store.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            cycles++;
            Process reopened = StoreChurn.startStore(dir, port);
            try {
                lost.addAll(churn.verify(port));
            } finally {
                reopened.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.out.printf("churn: %d kills, %d acknowledged writes, %d documents, file %.1f MB%n", cycles,
                churn.acknowledgedWrites(), churn.liveDocuments(), Files.size(dir.resolve("herald.mv")) / 1e6);
        assertThat(cycles).isGreaterThanOrEqualTo(Math.min(MOST_CYCLES, 3));
        assertThat(lost).as("acknowledged writes contradicted after a kill").isEmpty();
        assertThat(churn.readerErrors()).as("reads that failed while the store was writing").isEmpty();
    }

    private static void liveUntilKilled(StoreChurn churn, Process store, long lifetime, int port)
            throws InterruptedException {
        long before = churn.acknowledgedWrites();
        churn.runUntilKilled(port, () -> {
            try {
                // the clock starts at the first answer: a slow machine may take seconds to connect
                while (churn.acknowledgedWrites() == before && store.isAlive()) {
                    Thread.sleep(10);
                }
                Thread.sleep(lifetime);
                store.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
                store.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
