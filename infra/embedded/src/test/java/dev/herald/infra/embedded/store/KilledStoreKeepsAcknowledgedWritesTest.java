package dev.herald.infra.embedded.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's promise: a write the driver saw acknowledged is in the file, so a SIGKILL of the
 * store's process a moment later loses none of them. Writers keep writing while the process is killed.
 */
class KilledStoreKeepsAcknowledgedWritesTest {

    @Test
    void everyAcknowledgedInsertAndUpdateIsThereAfterTheStoreIsKilledAndRestarted(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        Process store = StoreChurn.startStore(dir, port);
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Set<String> updated = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> reports = client.getDatabase("herald").getCollection("reports");
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        String id = writer + "-" + n;
                        try {
                            reports.insertOne(new Document("_id", id).append("status", "SUBMITTED"));
                            inserted.add(id);
                            reports.updateOne(Filters.eq("_id", id), Updates.set("status", "APPROVED"));
                            updated.add(id);
                        } catch (MongoException storeGone) {
                            return;
                        }
                    }
                });
            }
            while (updated.size() < 2_000) {
                Thread.sleep(20);
            }
            store.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
            store.waitFor(30, TimeUnit.SECONDS);
            killed.set(true);
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Process restarted = StoreChurn.startStore(dir, port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> reports = client.getDatabase("herald").getCollection("reports");
            List<String> missing = new ArrayList<>();
            List<String> notApproved = new ArrayList<>();
            for (Document doc : reports.find()) {
                inserted.remove(doc.getString("_id"));
                if (updated.contains(doc.getString("_id")) && !"APPROVED".equals(doc.getString("status"))) {
                    notApproved.add(doc.getString("_id"));
                }
            }
            missing.addAll(inserted);
            assertThat(missing).as("acknowledged inserts lost by the kill").isEmpty();
            assertThat(notApproved).as("acknowledged updates undone by the kill").isEmpty();
        } finally {
            restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String uri(int port) {
        // short timeouts: a killed store must fail the writers quickly instead of after the driver's 30 s
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000";
    }

}
