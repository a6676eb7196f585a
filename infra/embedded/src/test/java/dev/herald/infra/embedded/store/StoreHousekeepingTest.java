package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The store gives back the space of what was deleted, by itself, while it keeps running. */
class StoreHousekeepingTest {

    @Test
    void theFileShrinksOnceMostOfItsDocumentsAreDeleted(@TempDir Path dir) throws Exception {
        StoreSettings often = new StoreSettings(Duration.ofMillis(200), 80, 4 * 1024 * 1024, 80, 8 * 1024 * 1024,
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
