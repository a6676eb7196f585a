package dev.herald.support.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * What one outbox sweep costs when the embedded file store already holds many relayed reports (each with
 * an empty outbox, as the relay leaves them) and a few pending ones: {@code --reports=100000}. Prints the
 * sweep's median and worst time over 20 sweeps, and how many events it found.
 */
public final class OutboxSweepBench {

    private OutboxSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int reports = Arrays.stream(args).filter(a -> a.startsWith("--reports=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--reports=".length()))).orElse(100_000);
        Path dir = Files.createTempDirectory("outbox-sweep-bench");
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), !Arrays.asList(args).contains("--no-sync"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "ingest");
            List<String> topics = new ArrayList<>();
            OutboxRelay relay = new OutboxRelay(mongo, (topic, message) -> topics.add(topic),
                    properties(),
                    new SimpleMeterRegistry());
            relay.start();
            relay.stop(); // the indexes only: sweeps are run here, one at a time
            MongoCollection<Document> collection = mongo.getCollection("reports");
            long loadStart = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                batch.add(report(i, i % 10_000 == 0));
                if (batch.size() == 1_000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
            System.out.printf("loaded %d reports in %.1f s%n", reports, (System.nanoTime() - loadStart) / 1e9);
            long[] nanos = new long[20];
            int sent = 0;
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                sent += relay.relayPending();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("reports=%d sweep p50=%.2f ms max=%.2f ms events sent=%d%n", reports, nanos[nanos.length / 2] / 1e6,
                    nanos[nanos.length - 1] / 1e6, sent);
            // hinted documents, one event each, as saves leave them: the relay's own cost per event
            int hinted = 2_000;
            List<Document> fresh = new ArrayList<>();
            for (int i = 0; i < hinted; i++) {
                fresh.add(report(reports + i, true));
            }
            collection.insertMany(fresh);
            fresh.forEach(d -> relay.hint("reports", d.get("_id")));
            long start = System.nanoTime();
            int relayed = relay.relayHinted();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("hinted=%d relayed=%d in %.2f s: %.0f events/s%n", hinted, relayed, seconds, relayed / seconds);
            if (Arrays.asList(args).contains("--steps")) {
                steps(mongo, collection, reports + hinted);
            }
        }
        System.exit(0);
    }

    // what each store call of one page of 100 costs, one after the other
    private static void steps(MongoTemplate mongo, MongoCollection<Document> collection, int from) {
        List<Document> fresh = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fresh.add(report(from + i, true));
        }
        collection.insertMany(fresh);
        List<Object> ids = fresh.stream().map(d -> d.get("_id")).toList();
        MongoCollection<Document> claims = mongo.getCollection("bench_claims");
        long t0 = System.nanoTime();
        claims.insertMany(ids.stream().map(id -> new Document("_id", new Document("c", "reports").append("id", id)).append("owner", "o")).toList());
        long t1 = System.nanoTime();
        List<Document> read = collection.find(com.mongodb.client.model.Filters.in("_id", ids)).into(new ArrayList<>());
        long t2 = System.nanoTime();
        collection.bulkWrite(ids.stream().map(id -> (com.mongodb.client.model.WriteModel<Document>) new com.mongodb.client.model.UpdateOneModel<Document>(
                com.mongodb.client.model.Filters.eq("_id", id), com.mongodb.client.model.Updates.pull("outbox",
                        com.mongodb.client.model.Filters.in("eventId", List.of("x"))))).toList());
        long t3 = System.nanoTime();
        claims.deleteMany(com.mongodb.client.model.Filters.in("_id", ids.subList(0, 50).stream().map(id -> new Document("c", "reports").append("id", id)).toList()));
        long t4 = System.nanoTime();
        claims.bulkWrite(ids.subList(50, 100).stream().map(id -> (com.mongodb.client.model.WriteModel<Document>) new com.mongodb.client.model.DeleteOneModel<Document>(
                com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("_id", new Document("c", "reports").append("id", id)),
                        com.mongodb.client.model.Filters.eq("owner", "o")))).toList());
        long t5 = System.nanoTime();
        System.out.printf("release of 50 by $in %.1f ms, of 50 by one bulk of deleteOne %.1f ms%n", (t4 - t3) / 1e6, (t5 - t4) / 1e6);
        System.out.printf("page of %d: claim insert %.1f ms, read %.1f ms, pull bulk %.1f ms, release %.1f ms%n", read.size(),
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }

    // through the record's components, so the bench also runs against a relay from before its batch settings
    private static OutboxProperties properties() throws ReflectiveOperationException {
        var components = OutboxProperties.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (components[i].getName()) {
                case "collections" -> List.of("reports");
                case "sweepInterval" -> Duration.ofDays(1);
                case "source" -> "urn:bench";
                default -> types[i] == int.class ? 0 : null;
            };
        }
        return OutboxProperties.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static Document report(int i, boolean pending) {
        List<Document> outbox = pending ? List.of(new Document("eventId", UUID.randomUUID().toString())
                .append("type", "herald.article.submitted.v1").append("topic", "herald.article.submitted")
                .append("key", "r" + i).append("payload", "{}").append("when", new Date())) : List.of();
        return new Document("_id", String.format("r%07d", i)).append("title", "某单位第" + i + "号报告")
                .append("body", "正文".repeat(400)).append("status", "SUBMITTED").append("submittedAt", Date.from(Instant.now()))
                .append("version", 1L).append("outbox", outbox);
    }
}
