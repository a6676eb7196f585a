package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store gives back the space of what was deleted, by itself, while it keeps running. */
class StoreHousekeepingTest {

    // steps of 64 KB, 20 ms a pass, an hour between passes unless a test calls them
    private static final StoreSettings SMALL_STEPS = new StoreSettings(Duration.ofHours(1), 80, 64 * 1024,
            Duration.ofMillis(20), 60, 80, 8 * 1024 * 1024, Duration.ofMillis(1));

    @Test
    void aPassKeepsRewritingSparseChunksForItsTimeRatherThanOneStep(@TempDir Path dir) {
        // a step of 64 KB is a few documents of the hundred left in eighty chunks
        StoreSettings oneStep = new StoreSettings(Duration.ofHours(1), 80, 64 * 1024, Duration.ZERO, 60, 80, 8 * 1024 * 1024,
                Duration.ofMillis(1));
        StoreSettings timed = oneStep.withCompaction(Duration.ofHours(1), Duration.ofSeconds(30));

        int afterOneStep = fillRateAfterAPass(dir.resolve("one-step.mv"), oneStep);
        int afterTimedPass = fillRateAfterAPass(dir.resolve("timed.mv"), timed);

        assertThat(afterOneStep).as("chunks' fill rate after one step").isLessThan(40);
        assertThat(afterTimedPass).as("chunks' fill rate after a pass given time").isGreaterThanOrEqualTo(60);
    }

    @Test
    void passesStopRewritingOnceTheyGainNothingAndStartAgainWhenWritesLeaveChunksSparser(@TempDir Path dir) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("settling.mv").toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(1);
            MVMap<Integer, String> documents = store.openMap("documents");
            sparseChunks(store, documents, 0);
            StoreHousekeeping housekeeping = new StoreHousekeeping(store, new GroupCommit(store, false), SMALL_STEPS);

            passes(housekeeping, 3 * StoreHousekeeping.PASSES_WITHOUT_GAIN);
            long settled = housekeeping.steps.get();
            passes(housekeeping, 10);
            assertThat(housekeeping.steps.get()).as("steps once passes gain nothing").isEqualTo(settled);

            sparseChunks(store, documents, 1_000);
            housekeeping.pass();
            assertThat(housekeeping.steps.get()).as("steps after writes left chunks sparse again").isGreaterThan(settled);
            assertThat(documents.get(1_004)).isEqualTo("x".repeat(20_000) + 1_004);
        } finally {
            store.close();
        }
    }

    @Test
    void passesStopMovingChunksOnceMovesNoLongerShrinkTheFile(@TempDir Path dir) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("moving.mv").toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(1);
            MVMap<Integer, String> documents = store.openMap("documents");
            sparseChunks(store, documents, 0);
            StoreHousekeeping housekeeping = new StoreHousekeeping(store, new GroupCommit(store, false), SMALL_STEPS);

            passes(housekeeping, 5 * StoreHousekeeping.PASSES_WITHOUT_GAIN);
            long moved = housekeeping.moves.get();
            long size = store.getFileStore().size();
            passes(housekeeping, 10);

            assertThat(moved).as("moves tried").isPositive();
            assertThat(store.getFileStore().size()).as("file size").isEqualTo(size);
            assertThat(housekeeping.moves.get()).as("moves once they no longer shrink the file").isEqualTo(moved);
            assertThat(documents.get(396)).isEqualTo("x".repeat(20_000) + 396);
        } finally {
            store.close();
        }
    }

    private static void passes(StoreHousekeeping housekeeping, int count) {
        for (int pass = 0; pass < count; pass++) {
            housekeeping.pass();
        }
    }

    private static void sparseChunks(MVStore store, MVMap<Integer, String> documents, int from) {
        for (int i = from; i < from + 400; i++) {
            documents.put(i, "x".repeat(20_000) + i);
            if (i % 5 == 4) {
                store.commit();
            }
        }
        for (int i = from; i < from + 400; i++) {
            if (i % 4 != 0) {
                documents.remove(i);
            }
        }
        store.commit();
        sleep(20);
    }

    // 400 documents of 20 KB in commits of five, three in four then deleted: chunks about a quarter live
    private static int fillRateAfterAPass(Path file, StoreSettings settings) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(Math.toIntExact(settings.retention().toMillis()));
            MVMap<Integer, String> documents = store.openMap("documents");
            for (int i = 0; i < 400; i++) {
                documents.put(i, "x".repeat(20_000) + i);
                if (i % 5 == 4) {
                    store.commit();
                }
            }
            for (int i = 0; i < 400; i++) {
                if (i % 4 != 0) {
                    documents.remove(i);
                }
            }
            store.commit();
            sleep(50); // past the retention, so every chunk may be rewritten
            assertThat(store.getFileStore().getChunksFillRate()).as("fill rate before the pass").isLessThan(40);

            new StoreHousekeeping(store, new GroupCommit(store, false), settings).pass();
            // a chunk whose pages were rewritten is dropped once the store has moved a few versions on
            for (int i = 0; i < 8; i++) {
                store.openMap("later").put("write", String.valueOf(i));
                store.commit();
                sleep(5);
            }

            assertThat(documents.get(8)).isEqualTo("x".repeat(20_000) + 8);
            return store.getFileStore().getChunksFillRate();
        } finally {
            store.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFileShrinksOnceMostOfItsDocumentsAreDeleted(@TempDir Path dir) throws Exception {
        StoreSettings often = new StoreSettings(Duration.ofMillis(200), 80, 4 * 1024 * 1024, Duration.ZERO, 60, 80, 8 * 1024 * 1024,
                Duration.ofMillis(100));
        Path file = dir.resolve("herald.mv");
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false, often);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> reports = client.getDatabase("herald").getCollection("reports");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                batch.add(new Document("_id", i).append("body", "x".repeat(40_000) + i));
                if (batch.size() == 20) {
                    reports.insertMany(batch);
                    batch.clear();
                }
            }
            reports.deleteMany(Filters.gte("_id", 20));
            long full = Files.size(file);

            long size = full;
            for (int wait = 0; wait < 600 && size > full / 4; wait++) {
                // the store keeps being used: space is reused only once a few newer versions exist
                reports.updateOne(Filters.eq("_id", 0), new Document("$set", new Document("seen", wait)));
                Thread.sleep(100);
                size = Files.size(file);
            }

            assertThat(size).as("file after deleting 95 %% of %d bytes", full).isLessThan(full / 4);
            assertThat(reports.countDocuments()).isEqualTo(20);
            assertThat(reports.find(Filters.eq("_id", 7)).first()).containsEntry("body", "x".repeat(40_000) + 7);
        }
    }
}
