package dev.herald.infra.embedded.store;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

    @Test
    void aWriteThatDidNotAskForTheJournalIsAnsweredBeforeItsCommitAndKeptByTheNextOne(@TempDir Path dir) throws Exception {
        H2Backend file = new H2Backend(dir.resolve("store.mv").toString());
        DurableBackend durable = new DurableBackend(file, true);
        MongoServer server = new MongoServer(durable);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> records = client.getDatabase("herald").getCollection("processed_events");
            records.insertOne(new Document("_id", "warm"));
            long commits = durable.groupCommit().commits();

            for (int i = 0; i < 20; i++) {
                records.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "lazy-" + i));
            }
            assertThat(durable.groupCommit().commits()).as("commits made for writes that did not ask for one")
                    .isEqualTo(commits);
            assertThat(records.countDocuments()).isEqualTo(21);

            records.insertOne(new Document("_id", "journaled"));
            assertThat(durable.groupCommit().commits()).isEqualTo(commits + 1);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void unjournaledWritesSurviveAKillOnceAJournaledWriteAfterThemIsAcknowledged(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        Process store = StoreChurn.startStore(dir, port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> records = client.getDatabase("herald").getCollection("processed_events");
            for (int i = 0; i < 100; i++) {
                records.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "lazy-" + i));
            }
            records.insertOne(new Document("_id", "journaled"));
            store.destroyForcibly();
            store.waitFor(30, TimeUnit.SECONDS);
        }

        Process restarted = StoreChurn.startStore(dir, port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            assertThat(client.getDatabase("herald").getCollection("processed_events").countDocuments())
                    .as("records written before the acknowledged journaled write").isEqualTo(101);
        } finally {
            restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String uri(int port) {
        // short timeouts: a killed store must fail the writers quickly instead of after the driver's 30 s
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000";
    }

}
