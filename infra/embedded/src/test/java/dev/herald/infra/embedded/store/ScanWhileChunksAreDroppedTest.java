package dev.herald.infra.embedded.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan of a whole collection reads the tree as it was when the scan began, while every acknowledged
 * write commits a new version and frees the chunks it emptied. The scan must still find every document:
 * this is what failed when the data dir of 2026-12-04 was opened ("Chunk 72550 not found").
 */
class ScanWhileChunksAreDroppedTest {

    private static final int DOCUMENTS = 1_500;

    @Test
    void aScanFindsEveryDocumentWhileWritesFreeTheChunksItIsReading(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
             MongoClient client = MongoClients.create(store.connectionString())) {
            // a chunk may be reused once it is older than this; a file in use for an hour has only such chunks
            store.indexedBackend().getMvStore().setRetentionTime(0);
            MongoCollection<Document> reports = client.getDatabase("herald").getCollection("reports");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(new Document("_id", i).append("version", 0).append("body", text(8_192)));
                if (batch.size() == 50) {
                    reports.insertMany(batch);
                    batch.clear();
                }
            }
            AtomicBoolean scanning = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(3);
            MVStore file = store.indexedBackend().getMvStore();
            writers.submit(() -> {
                // compaction as often as it can run: it empties whole chunks at once, as at the failed start
                while (scanning.get()) {
                    file.compact(100, 1024 * 1024);
                    file.commit();
                }
                return null;
            });
            for (int w = 0; w < 2; w++) {
                writers.submit(() -> {
                    while (scanning.get()) {
                        int id = ThreadLocalRandom.current().nextInt(DOCUMENTS);
                        reports.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("version", 1),
                                Updates.set("body", text(8_192))));
                    }
                    return null;
                });
            }
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            List<Integer> counts = new ArrayList<>();
            try {
                for (int scan = 0; scan < 15; scan++) {
                    try {
                        int seen = 0;
                        for (Document ignored : reports.find(Filters.gte("version", 0)).batchSize(1_000)) {
                            seen++;
                        }
                        counts.add(seen);
                    } catch (MongoException e) {
                        failures.add(e.getMessage());
                    }
                }
            } finally {
                scanning.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(failures).as("scans that failed").isEmpty();
            assertThat(counts).as("documents each scan found").containsOnly(DOCUMENTS);
        }
    }

    private static String text(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        }
        return new String(text);
    }
}
