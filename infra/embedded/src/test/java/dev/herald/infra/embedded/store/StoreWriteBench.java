package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./herald store-bench [--writes=5000]}: what a durable acknowledgement costs the embedded store.
 * The same insert-then-update pairs through the real driver against three backends: the H2 file store
 * committing in the background (what Herald had, losing acknowledged writes when killed), the durable
 * backend without the device sync (survives a killed process), and the durable backend with it (the
 * default: survives a power cut too); at 1 and 8 concurrent writers, so group commit shows.
 */
public final class StoreWriteBench {

    private StoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int writes = java.util.Arrays.stream(args).filter(a -> a.startsWith("--writes=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--writes=".length()))).orElse(5_000);
        System.out.printf("store-bench: %d insert+update pairs per run; JDK %s, %d cores%n", writes, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| backend | writers | writes/s | pair p50 | pair p99 | pair max | commits per write | file after |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String mode : List.of("background", "durable, no sync", "durable, synced")) {
            for (int writers : List.of(1, 8)) {
                run(mode, writers, writes);
            }
        }
        System.exit(0);
    }

    private static void run(String mode, int writers, int pairs) throws Exception {
        Path dir = Files.createTempDirectory("store-bench");
        Path file = dir.resolve("bench.mv");
        H2Backend h2 = new H2Backend(file.toString());
        DurableBackend durable = mode.startsWith("durable") ? new DurableBackend(h2, mode.endsWith("synced")) : null;
        MongoBackend backend = durable != null ? durable : h2;
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> reports = client.getDatabase("bench").getCollection("reports");
            for (int i = 0; i < 500; i++) {
                reports.insertOne(new Document("_id", "warm-" + i).append("body", "热身"));
            }
            long commitsBefore = durable == null ? 0 : durable.groupCommit().commits();
            long writesBefore = durable == null ? 0 : durable.groupCommit().writesApplied();
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = writer; i < pairs; i += writers) {
                        long t0 = System.nanoTime();
                        reports.insertOne(new Document("_id", "r-" + i).append("body", "党建工作动态".repeat(300)));
                        reports.updateOne(Filters.eq("_id", "r-" + i), Updates.set("status", "APPROVED"));
                        nanos.add(System.nanoTime() - t0);
                    }
                }));
            }
            for (Future<?> f : done) f.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> sorted = nanos.stream().sorted().toList();
            String commitsPerWrite = durable == null ? "(background)" : String.format(Locale.ROOT, "%.2f",
                    (durable.groupCommit().commits() - commitsBefore) / (double) (durable.groupCommit().writesApplied() - writesBefore));
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %s | %d MB |%n", mode, writers,
                    2 * pairs / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                    sorted.getLast() / 1e6, commitsPerWrite, Files.size(file) >> 20);
        } finally {
            server.shutdown();
            backend.close();
        }
    }
}
