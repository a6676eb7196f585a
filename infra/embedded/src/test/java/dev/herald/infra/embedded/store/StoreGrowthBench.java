package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./herald store-growth-bench [--reports=100000] [--ops=2000] [--uncompressed]}: whether the embedded store's cost of
 * one report's writes and reads stays the same as the store fills. Report-sized documents (a Chinese body of
 * about 2,500 characters, a unique idempotency key, an outbox entry) are loaded in bulk up to each step of
 * 1,000, 10,000, 100,000... and at each step one writer times {@code --ops} rounds of what the services do per
 * report: an insert with its unique key, a read by id, an update by id pulling the outbox entry. It prints
 * each operation's p50/p99, the process's CPU per round and the file's bytes per stored report, into a
 * synced store as {@code ./herald up} runs it.
 */
public final class StoreGrowthBench {

    private static final String HAN = "党委医院社区卫生服务中心学校开展主题教育活动组织干部职工学习会议精神推进工作落实群众健康服务"
            + "志愿者走进基层宣传义诊疫苗接种家庭医生签约慢性病管理妇幼保健中医药文化传承创新发展";

    private StoreGrowthBench() {
    }

    public static void main(String[] args) throws Exception {
        long target = option(args, "--reports=", 100_000);
        int ops = (int) option(args, "--ops=", 2_000);
        Path dir = Files.createTempDirectory("store-growth");
        int port = Ports.free();
        boolean compressed = !Arrays.asList(args).contains("--uncompressed");
        EmbeddedMongo store = EmbeddedMongo.onDisk(dir, port, true, StoreSettings.defaults().withCompressedPages(compressed));
        System.out.printf("store-growth-bench %s: up to %,d reports, %,d rounds per step, pages %s; JDK %s, %d cores%n",
                Instant.now(), target, ops, compressed ? "compressed" : "uncompressed", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| stored reports | insert p50 / p99 | read by id p50 / p99 | update by id p50 / p99 | CPU per round "
                + "| file per report | notices in bulk |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> reports = client.getDatabase("bench").getCollection("reports");
            reports.createIndex(Indexes.ascending("idempotencyKey"), new IndexOptions().unique(true));
            MongoCollection<Document> notices = client.getDatabase("bench").getCollection("notifications");
            // the inbox's two indexes, as notification declares them
            notices.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriber", "read"), Indexes.descending("createdAt")));
            notices.createIndex(Indexes.ascending("subscriber", "createdAt"));
            Random random = new Random(7);
            long loaded = 0;
            for (long step = 1_000; step <= target; step *= 10) {
                for (; loaded < step; loaded += 500) {
                    List<Document> batch = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        batch.add(report("load-" + (loaded + i), random));
                    }
                    reports.insertMany(batch);
                }
                measure(reports, step, ops, random, dir.resolve("herald.mv"), notices);
            }
        } finally {
            store.close();
        }
        System.exit(0);
    }

    private static void measure(MongoCollection<Document> reports, long stored, int ops, Random random, Path file,
                                MongoCollection<Document> notices) throws Exception {
        long[] insert = new long[ops];
        long[] read = new long[ops];
        long[] update = new long[ops];
        long cpuBefore = processCpuNanos();
        for (int i = 0; i < ops; i++) {
            String id = "step-" + stored + "-" + i;
            long t0 = System.nanoTime();
            reports.insertOne(report(id, random));
            long t1 = System.nanoTime();
            // an id from anywhere in the collection, as a consumer looks up an older report
            reports.find(Filters.eq("_id", "load-" + random.nextLong(stored))).first();
            long t2 = System.nanoTime();
            reports.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "APPROVED"), Updates.unset("outbox")));
            long t3 = System.nanoTime();
            insert[i] = t1 - t0;
            read[i] = t2 - t1;
            update[i] = t3 - t2;
        }
        double cpuPerRound = (processCpuNanos() - cpuBefore) / 1e6 / ops;
        long documents = reports.countDocuments();
        double noticesPerSecond = fanOut(notices, "step-" + stored);
        System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %.2f ms | %,d bytes | %,.0f /s |%n", stored, p50p99(insert),
                p50p99(read), p50p99(update), cpuPerRound, Files.size(file) / documents, noticesPerSecond);
    }

    // one article's fan-out as notification stores it: 10,000 inbox notices in unordered bulk inserts of 1,000
    private static double fanOut(MongoCollection<Document> notices, String article) {
        long start = System.nanoTime();
        for (int batch = 0; batch < 10; batch++) {
            List<Document> page = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                int n = batch * 1_000 + i;
                page.add(new Document("_id", article + "-ntf-" + n).append("kind", "ARTICLE").append("subscriptionId", "sub-" + n)
                        .append("subscriber", "reader-" + n).append("articleId", article).append("title", "党旗飘扬 社区义诊进万家")
                        .append("read", false).append("createdAt", new java.util.Date()));
            }
            notices.insertMany(page, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        }
        return 10_000 / ((System.nanoTime() - start) / 1e9);
    }

    private static Document report(String id, Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            body.append(HAN.charAt(random.nextInt(HAN.length())));
            if (i % 40 == 39) {
                body.append('。');
            }
        }
        return new Document("_id", id).append("idempotencyKey", "key-" + id).append("unitId", "unit-" + random.nextInt(200))
                .append("title", body.substring(0, 24)).append("body", body.toString()).append("status", "SUBMITTED")
                .append("version", 1L).append("submittedAt", new java.util.Date())
                .append("outbox", List.of(new Document("eventId", java.util.UUID.randomUUID().toString())
                        .append("type", "article-submitted").append("payload", body.substring(0, 400))));
    }

    private static String p50p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f / %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long option(String[] args, String name, long fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name)).findFirst()
                .map(a -> Long.parseLong(a.substring(name.length()).replace("_", "").replace(",", ""))).orElse(fallback);
    }
}
