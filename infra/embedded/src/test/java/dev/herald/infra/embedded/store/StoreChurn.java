package dev.herald.infra.embedded.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.herald.infra.embedded.InfrastructureProcess;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write load that makes the store's file grow into many chunks and keeps its housekeeping busy: big
 * documents inserted, rewritten and deleted by several writers, while a reader scans the whole
 * collection. It remembers, for every document, the last write the store acknowledged and the one in
 * flight, which is all a check after a kill may accept.
 */
final class StoreChurn {

    /** What a document must look like after a crash: the acknowledged version, or the one in flight. */
    private record Expected(long acknowledged, Long inFlight) {
        static final long ABSENT = -1;
    }

    private final Map<String, Expected> documents = new ConcurrentHashMap<>();
    private final Queue<String> readerErrors = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final int writers;

    StoreChurn(int writers) {
        this.writers = writers;
    }

    static String uri(int port) {
        // short timeouts: a killed store must fail the writers at once instead of after the driver's 30 s
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=10000";
    }

    private static String patientUri(int port) {
        // a living store on a busy machine may take seconds to answer its first client
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=20000&connectTimeoutMS=10000&socketTimeoutMS=60000";
    }

    /** Writes (and scans) until the store dies; the caller kills it. */
    void runUntilKilled(int port, Runnable killer) throws InterruptedException {
        AtomicBoolean gone = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        try (MongoClient setup = MongoClients.create(patientUri(port)); MongoClient client = MongoClients.create(uri(port))) {
            // a non-unique index, as the services declare: the store rebuilds it by a scan when it opens
            setup.getDatabase("herald").getCollection("reports").createIndex(Indexes.ascending("group"));
            MongoCollection<Document> reports = client.getDatabase("herald").getCollection("reports");
            for (int w = 0; w < writers; w++) {
                String prefix = "w" + w + "-";
                threads.submit(() -> write(reports, prefix, gone));
            }
            threads.submit(() -> scan(reports, gone));
            killer.run();
            gone.set(true);
        } finally {
            threads.shutdown();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private void write(MongoCollection<Document> reports, String prefix, AtomicBoolean gone) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> mine = new ArrayList<>(documents.keySet().stream().filter(id -> id.startsWith(prefix)
                && documents.get(id).acknowledged() != Expected.ABSENT).toList());
        long next = documents.size() * 7L + random.nextInt(1_000_000);
        while (!gone.get()) {
            int dice = random.nextInt(100);
            String id;
            long version;
            boolean delete = false;
            if (mine.isEmpty() || dice < 45) {
                id = prefix + Long.toString(next++, 36) + "-" + random.nextInt(1000);
                if (documents.containsKey(id)) {
                    continue;
                }
                version = 1;
            } else {
                id = mine.get(random.nextInt(mine.size()));
                version = documents.get(id).acknowledged() + 1;
                delete = dice >= 85;
            }
            long target = delete ? Expected.ABSENT : version;
            Expected before = documents.getOrDefault(id, new Expected(Expected.ABSENT, null));
            documents.put(id, new Expected(before.acknowledged(), target));
            try {
                if (delete) {
                    reports.deleteOne(Filters.eq("_id", id));
                    mine.remove(id);
                } else {
                    reports.replaceOne(Filters.eq("_id", id), document(id, version, random),
                            new ReplaceOptions().upsert(true));
                    if (version == 1) {
                        mine.add(id);
                    }
                }
                documents.put(id, new Expected(target, null));
                acknowledged.incrementAndGet();
            } catch (MongoException storeGone) {
                return;
            }
        }
    }

    private static Document document(String id, long version, ThreadLocalRandom random) {
        // 2 to 24 KB of text, so a few hundred writes fill megabytes of chunks
        char[] text = new char[2_048 + random.nextInt(22 * 1024)];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new Document("_id", id).append("version", version).append("group", random.nextInt(50))
                .append("body", new String(text));
    }

    private void scan(MongoCollection<Document> reports, AtomicBoolean gone) {
        while (!gone.get()) {
            try {
                // every document deserialised, over a tree that commits keep replacing
                reports.find(Filters.gte("version", 0)).projection(new Document("version", 1)).batchSize(1_000)
                        .forEach(document -> { });
            } catch (MongoCommandException failed) {
                // an answer from a living store: a read that broke, not a killed process
                readerErrors.add(failed.getErrorMessage());
            } catch (MongoException storeGone) {
                return;
            }
        }
    }

    /**
     * Reads every document back and returns what contradicts an acknowledged write; then takes what it
     * found as the new acknowledged state, for the next round.
     */
    List<String> verify(int port) {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> found = new ConcurrentHashMap<>();
        try (MongoClient client = MongoClients.create(patientUri(port))) {
            for (Document doc : client.getDatabase("herald").getCollection("reports").find()
                    .projection(new Document("version", 1)).batchSize(1_000)) {
                found.put(doc.getString("_id"), ((Number) doc.get("version")).longValue());
            }
        }
        for (Map.Entry<String, Expected> entry : documents.entrySet()) {
            Expected expected = entry.getValue();
            long actual = found.getOrDefault(entry.getKey(), Expected.ABSENT);
            boolean fine = actual == expected.acknowledged()
                    || expected.inFlight() != null && actual == expected.inFlight();
            if (!fine) {
                wrong.add(entry.getKey() + ": acknowledged " + describe(expected.acknowledged()) + ", found "
                        + describe(actual));
            }
            entry.setValue(new Expected(actual, null));
        }
        return wrong;
    }

    private static String describe(long version) {
        return version == Expected.ABSENT ? "absent" : "version " + version;
    }

    List<String> readerErrors() {
        return List.copyOf(readerErrors);
    }

    long acknowledgedWrites() {
        return acknowledged.get();
    }

    long liveDocuments() {
        return documents.values().stream().filter(e -> e.acknowledged() != Expected.ABSENT).count();
    }

    /** Starts the store as a process of its own; fails with the process's output if it does not open. */
    static Process startStore(Path dir, int port, String... jvmOptions) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InfrastructureProcess.class.getName(),
                "store", "--dir=" + dir, "--port=" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.contains(InfrastructureProcess.READY)) {
                Thread drain = new Thread(() -> output.lines().forEach(l -> { }), "store-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
            seen.add(line);
        }
        throw new IllegalStateException("the store did not open (exit " + process.waitFor() + "):\n"
                + String.join("\n", seen.subList(Math.max(0, seen.size() - 30), seen.size())));
    }
}
