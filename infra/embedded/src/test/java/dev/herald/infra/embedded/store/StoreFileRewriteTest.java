package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A store file that is mostly empty space is copied afresh, live pages only, when the store opens. */
class StoreFileRewriteTest {

    // no housekeeping while the test runs, so only the copy at open can shrink the file
    private static final StoreSettings NO_HOUSEKEEPING = new StoreSettings(Duration.ofHours(1), 80, 4 * 1024 * 1024,
            Duration.ZERO, 60, 80, 8 * 1024 * 1024, Duration.ofMillis(100));

    @Test
    void aMostlyEmptyFileShrinksToItsDataAndKeepsEveryDocumentAndIndex(@TempDir Path dir) throws Exception {
        StoreSettings settings = NO_HOUSEKEEPING.withRewriteAtOpen(50, 0);
        Path file = dir.resolve("herald.mv");
        withReports(dir, settings, reports -> {
            reports.createIndex(Indexes.ascending("unit"));
            fill(reports, 400);
            reports.deleteMany(Filters.gte("_id", 20));
        });
        long before = Files.size(file);
        assertThat(StoreFileRewrite.livePercent(file)).as("live share of the file before it is opened again").isLessThan(50);

        withReports(dir, settings, reports -> {
            assertThat(file.toFile().length()).as("file of %d bytes after opening", before).isLessThan(before / 3);
            assertThat(reports.countDocuments()).isEqualTo(20);
            assertThat(reports.find(Filters.eq("unit", "unit-7")).first()).containsEntry("body", "x".repeat(40_000) + 7);
            reports.insertOne(new Document("_id", 1_000).append("unit", "unit-after").append("body", "after"));
        });
        withReports(dir, settings, reports -> {
            assertThat(reports.find(Filters.eq("unit", "unit-after")).first()).containsEntry("_id", 1_000);
            assertThat(Files.exists(StoreFileRewrite.copyOf(file))).isFalse();
        });
    }

    @Test
    void aFileMostlyLiveIsLeftAsItIs(@TempDir Path dir) throws Exception {
        StoreSettings settings = NO_HOUSEKEEPING.withRewriteAtOpen(50, 0);
        Path file = dir.resolve("herald.mv");
        withReports(dir, settings, reports -> {
            fill(reports, 100);
        });

        StoreFileRewrite.Outcome outcome = StoreFileRewrite.rewriteIfSparse(file, settings);

        assertThat(outcome.rewritten()).isFalse();
        assertThat(outcome.livePercent()).isGreaterThanOrEqualTo(50);
        assertThat(Files.size(file)).isEqualTo(outcome.sizeBefore());
    }

    @Test
    void theCopyOfARewriteKilledHalfWayIsRemovedAndTheFileOpensWhole(@TempDir Path dir) throws Exception {
        StoreSettings settings = NO_HOUSEKEEPING.withRewriteAtOpen(50, 0);
        withReports(dir, settings, reports -> {
            fill(reports, 50);
        });
        Path copy = StoreFileRewrite.copyOf(dir.resolve("herald.mv"));
        Files.write(copy, new byte[64 * 1024]);

        withReports(dir, settings, reports -> {
            assertThat(reports.countDocuments()).isEqualTo(50);
        });
        assertThat(copy).doesNotExist();
    }

    @Test
    void aRewriteThatCannotBeMadeLeavesTheFileToOpenAsItWas(@TempDir Path dir) throws Exception {
        StoreSettings settings = NO_HOUSEKEEPING.withRewriteAtOpen(50, 0);
        Path file = dir.resolve("herald.mv");
        withReports(dir, settings, reports -> {
            fill(reports, 200);
            reports.deleteMany(Filters.gte("_id", 10));
        });
        long before = Files.size(file);
        // where the copy would go is a folder with something in it: the copy cannot be made
        Files.createDirectories(StoreFileRewrite.copyOf(file)).resolve("in-the-way").toFile().createNewFile();

        StoreFileRewrite.Outcome outcome = StoreFileRewrite.rewriteIfSparse(file, settings);

        assertThat(outcome.rewritten()).isFalse();
        assertThat(Files.size(file)).isEqualTo(before);
        withReports(dir, NO_HOUSEKEEPING, reports -> {
            assertThat(reports.countDocuments()).isEqualTo(10);
        });
    }

    /** Opens the store in {@code dir}, hands over its reports collection, and closes the store again. */
    private static void withReports(Path dir, StoreSettings settings, Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false, settings);
             MongoClient client = MongoClients.create(store.connectionString())) {
            use.accept(client.getDatabase("herald").getCollection("reports"));
        }
    }

    private static void fill(MongoCollection<Document> reports, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", i).append("unit", "unit-" + i).append("body", "x".repeat(40_000) + i));
            if (batch.size() == 20 || i == count - 1) {
                reports.insertMany(batch);
                batch.clear();
            }
        }
    }
}
