package dev.herald.launcher.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.launcher.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floors each stage is compared with, measured in the same run on the same platform: raw kafka-clients
 * produce → consume of the publication payloads on the platform's broker, a bare insert of the report
 * document into the platform's store through the MongoDB driver (alone, and behind a bare JDK HttpServer
 * endpoint), a bare loopback HTTP POST, and raw Lucene indexing of the same articles; screening and
 * matching per report come from the JMH figures in docs/benchmarks.md. A stage's floor is the sum of the
 * parts it cannot do without (see {@link Figures#of}), p50 with p50s and p99 with p99s.
 */
final class Floors {

    private static final int STORE_WRITES = 1_000;
    private static final int KAFKA_PACED_RATE = 100;
    private static final int KAFKA_PACED_SECONDS = 5;
    private static final int KAFKA_BURST = 5_000;
    private static final int ARTICLES = 1_000;

    /** One measured part: its rate and its latency per operation. */
    record Part(String name, double perSecond, double p50Millis, double p99Millis, String how) {
    }

    /** A stage's floor: the sum of its parts. */
    record Floor(String parts, double p50Millis, double p99Millis) {
    }

    record Figures(Map<String, Part> parts) {

        Floor of(PipelineBench.Stage stage) {
            List<String> names = switch (stage) {
                // the report and its outbox entry saved, relayed, screened, the review saved
                case SUBMITTED_TO_REVIEWABLE -> List.of("store write", "kafka", "screening", "store write");
                // the decision and its outbox entry saved, relayed, the article indexed
                case APPROVED_TO_SEARCHABLE -> List.of("store write", "kafka", "lucene");
                // ... relayed, matched against the subscriptions, the notices saved
                case APPROVED_TO_NOTIFIED -> List.of("store write", "kafka", "matching", "store write");
                // ... and the webhook message saved and posted
                case APPROVED_TO_DELIVERED -> List.of("store write", "kafka", "matching", "store write", "store write", "http post");
            };
            double p50 = names.stream().mapToDouble(n -> parts.get(n).p50Millis()).sum();
            double p99 = names.stream().mapToDouble(n -> parts.get(n).p99Millis()).sum();
            return new Floor(String.join(" + ", names), p50, p99);
        }

        String table() {
            StringBuilder t = new StringBuilder("""
                    Floors (same run, same broker and store; p50/p99 per operation):

                    | part | rate /s | p50 ms | p99 ms | how |
                    | --- | ---: | ---: | ---: | --- |
                    """);
            parts.values().forEach(p -> t.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %s |%n",
                    p.name(), p.perSecond(), p.p50Millis(), p.p99Millis(), p.how())));
            t.append("\n| stage | floor = | p50 ms | p99 ms |\n| --- | --- | ---: | ---: |\n");
            for (PipelineBench.Stage stage : PipelineBench.Stage.values()) {
                Floor f = of(stage);
                t.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |%n", stage.label, f.parts(), f.p50Millis(), f.p99Millis()));
            }
            return t.toString();
        }
    }

    private final PlatformSettings settings;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<GeneratedReport> reports = new ReportGenerator(20_261_205L).stream(ARTICLES).toList();

    Floors(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Figures measure() throws Exception {
        Map<String, Part> parts = new LinkedHashMap<>();
        out.println("\nfloors: kafka...");
        parts.put("kafka", kafka());
        out.println("floors: store...");
        parts.putAll(store());
        out.println("floors: lucene...");
        parts.put("lucene", lucene());
        parts.putAll(jmh());
        return new Figures(parts);
    }

    /** The publication event as the services put it on the wire: the article's fields in JSON. */
    private String payload(GeneratedReport r, int n) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("articleId", "rpt-floor-" + n);
        event.put("reportId", "rpt-floor-" + n);
        event.put("unit", r.unit());
        event.put("channel", r.channel());
        event.put("title", r.title());
        event.put("subtitle", r.subtitle());
        event.put("body", r.body());
        event.put("author", r.author());
        event.put("tags", r.tags());
        event.put("publishedAt", java.time.Instant.now().toString());
        event.put("when", java.time.Instant.now().toString());
        return json.writeValueAsString(event);
    }

    /**
     * Paced at {@value KAFKA_PACED_RATE}/s for {@value KAFKA_PACED_SECONDS} s for the end-to-end latency (send
     * call to poll return, one partition, acks=all, client defaults otherwise), then a burst of
     * {@value KAFKA_BURST} for the rate the broker takes them at.
     */
    private Part kafka() throws Exception {
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        String topic = "herald-bench-floor-" + UUID.randomUUID().toString().substring(0, 8);
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Properties p = new Properties();
            p.putAll(common);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            Properties c = new Properties();
            c.putAll(common);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            int paced = KAFKA_PACED_RATE * KAFKA_PACED_SECONDS;
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = new ArrayList<>();
            CountDownLatch warmIn = new CountDownLatch(1), pacedIn = new CountDownLatch(paced), burstIn = new CountDownLatch(KAFKA_BURST);
            Thread consumer = Thread.ofPlatform().daemon().name("floor-consumer").start(() -> {
                try (KafkaConsumer<String, String> in = new KafkaConsumer<>(c)) {
                    in.subscribe(List.of(topic));
                    while (burstIn.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                        for (ConsumerRecord<String, String> record : in.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            Long sent = sentAt.remove(record.key());
                            if (record.key().equals("w")) {
                                warmIn.countDown();
                            } else if (record.key().startsWith("p")) {
                                if (sent != null) {
                                    synchronized (latencies) {
                                        latencies.add(now - sent);
                                    }
                                }
                                pacedIn.countDown();
                            } else {
                                burstIn.countDown();
                            }
                        }
                    }
                }
            });
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) payloads.add(payload(reports.get(i), i));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                // the consumer has joined its group and read a first record before anything is timed
                producer.send(new ProducerRecord<>(topic, "w", "warm")).get();
                if (!warmIn.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the floor's consumer never got its first record");
                OpenLoop loop = new OpenLoop(KAFKA_PACED_RATE, Duration.ofSeconds(KAFKA_PACED_SECONDS), Duration.ofMillis(50), OpenLoop.SYSTEM);
                loop.run(k -> {
                    String key = "p" + k;
                    sentAt.put(key, System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, key, payloads.get(k % payloads.size())));
                    return java.util.concurrent.CompletableFuture.completedFuture(true);
                });
                if (!pacedIn.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("paced records did not all arrive");
                long start = System.nanoTime();
                for (int k = 0; k < KAFKA_BURST; k++) {
                    producer.send(new ProducerRecord<>(topic, "b" + k, payloads.get(k % payloads.size())));
                }
                if (!burstIn.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("burst records did not all arrive");
                double rate = KAFKA_BURST / ((System.nanoTime() - start) / 1e9);
                consumer.join(5_000);
                admin.deleteTopics(List.of(topic));
                List<Long> sorted;
                synchronized (latencies) {
                    sorted = latencies.stream().sorted().toList();
                }
                return new Part("kafka", rate, pct(sorted, 0.5), pct(sorted, 0.99), String.format(Locale.ROOT,
                        "kafka-clients produce → consume, %d payloads of ~%.1f KB at %d/s for the latency, then %d at once for the rate",
                        paced, payloads.stream().mapToInt(String::length).average().orElse(0) * 3 / 1000, KAFKA_PACED_RATE, KAFKA_BURST));
            }
        }
    }

    /**
     * The report document inserted {@value STORE_WRITES} times one after another through the driver, then the
     * same through a bare endpoint of a JDK HttpServer (JSON parsed, document inserted, 201), and a loopback
     * POST that stores nothing, for the webhook's call.
     */
    private Map<String, Part> store() throws Exception {
        Map<String, Part> parts = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            MongoDatabase db = client.getDatabase("herald-bench-floor");
            MongoCollection<org.bson.Document> reportsCollection = db.getCollection("reports-" + UUID.randomUUID().toString().substring(0, 8));
            List<Long> nanos = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < STORE_WRITES; i++) {
                org.bson.Document document = document(reports.get(i % reports.size()), "rpt-floor-" + i);
                long t0 = System.nanoTime();
                reportsCollection.insertOne(document);
                nanos.add(System.nanoTime() - t0);
            }
            parts.put("store write", part("store write", nanos, System.nanoTime() - start,
                    "MongoDB driver insertOne of the report document (fields and outbox entry as ingest keeps them), one writer"));

            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MongoCollection<org.bson.Document> viaHttp = db.getCollection("reports-http-" + UUID.randomUUID().toString().substring(0, 8));
            server.createContext("/reports", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                viaHttp.insertOne(org.bson.Document.parse(body));
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                for (String path : List.of("/reports", "/hook")) {
                    List<Long> calls = new ArrayList<>();
                    long began = System.nanoTime();
                    for (int i = 0; i < STORE_WRITES; i++) {
                        String body = document(reports.get(i % reports.size()), "rpt-floor-http-" + i).toJson();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        calls.add(System.nanoTime() - t0);
                        if (answer.statusCode() / 100 != 2) throw new IllegalStateException(path + " answered " + answer.statusCode());
                    }
                    String name = path.equals("/reports") ? "http + store write" : "http post";
                    parts.put(name, part(name, calls, System.nanoTime() - began, path.equals("/reports")
                            ? "JDK HttpClient → JDK HttpServer endpoint parsing the JSON and inserting it, one client"
                            : "JDK HttpClient → JDK HttpServer POST of the same body, answered 200, nothing stored"));
                }
            } finally {
                server.stop(0);
                db.drop();
            }
        }
        return parts;
    }

    private static org.bson.Document document(GeneratedReport r, String id) {
        java.util.Date now = new java.util.Date();
        return new org.bson.Document("_id", id).append("unit", r.unit()).append("channel", r.channel()).append("title", r.title())
                .append("subtitle", r.subtitle()).append("body", r.body()).append("author", r.author())
                .append("contributor", r.contributor()).append("tags", r.tags()).append("originalPublishedAt", r.publishedAt().toString())
                .append("status", "SUBMITTED").append("revision", 1).append("submittedAt", now).append("version", 0L)
                .append("outbox", List.of(new org.bson.Document("id", UUID.randomUUID().toString()).append("type", "ArticleSubmitted")
                        .append("occurredAt", now)));
    }

    /**
     * The same {@value ARTICLES} articles into a Lucene index on disk: title and body each by SmartChineseAnalyzer's
     * words and by CJK bigrams, as the service's two main chains (without its folding and pinyin fields). Each
     * {@code addDocument} is timed; one near-real-time reopen and one commit at the end are in the rate only:
     * the least Lucene needs, where the service reopens every 100 ms and commits every second.
     */
    private Part lucene() throws IOException {
        Path dir = Files.createTempDirectory("herald-floor-lucene");
        Analyzer bigrams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of("title_pairs", bigrams, "body_pairs", bigrams));
        List<Long> nanos = new ArrayList<>();
        long start;
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            DirectoryReader reader = DirectoryReader.open(writer);
            start = System.nanoTime();
            for (int i = 0; i < reports.size(); i++) {
                GeneratedReport r = reports.get(i);
                Document doc = new Document();
                doc.add(new StringField("id", "rpt-floor-" + i, Field.Store.YES));
                doc.add(new StringField("unit", r.unit(), Field.Store.YES));
                doc.add(new StringField("channel", r.channel(), Field.Store.YES));
                doc.add(new TextField("title", r.title(), Field.Store.YES));
                doc.add(new TextField("title_pairs", r.title(), Field.Store.NO));
                doc.add(new TextField("body", r.body(), Field.Store.YES));
                doc.add(new TextField("body_pairs", r.body(), Field.Store.NO));
                long t0 = System.nanoTime();
                writer.addDocument(doc);
                nanos.add(System.nanoTime() - t0);
            }
            DirectoryReader searchable = DirectoryReader.openIfChanged(reader, writer);
            if (searchable == null || searchable.numDocs() != reports.size()) {
                throw new IllegalStateException("the floor's index does not hold the " + reports.size() + " articles");
            }
            searchable.close();
            reader.close();
            writer.commit();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return part("lucene", nanos, System.nanoTime() - start, ARTICLES + " generated articles: addDocument each (smartcn words + CJK"
                + " bigrams on title and body), one thread; one NRT reopen and a commit at the end, in the rate only");
    }

    /**
     * Screening and matching per report, from the JMH tables in docs/benchmarks.md: one thread, so p50 = p99 = the mean.
     * The page keeps its history in order, so the last row of a kind is the latest measurement.
     */
    private Map<String, Part> jmh() throws IOException {
        String docs = Files.readString(settings.root().resolve("docs/benchmarks.md"));
        Map<String, Part> parts = new LinkedHashMap<>();
        double screened = latest(docs, "\\| heraldScreen \\| 5KB \\| ([\\d,]+) \\|");
        parts.put("screening", new Part("screening", screened, 1000 / screened, 1000 / screened,
                "JMH heraldScreen, 5KB texts, from docs/benchmarks.md (./herald screening-bench); per report = 1 / throughput"));
        double matchMillis = latest(docs, "\\| 10,000 \\| ([\\d.]+) \\|");
        parts.put("matching", new Part("matching", 1000 / matchMillis, matchMillis, matchMillis,
                "JMH matching index, one article against 10,000 subscriptions, from docs/benchmarks.md (./herald matching-bench)"));
        return parts;
    }

    private static double latest(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        String figure = null;
        while (m.find()) {
            figure = m.group(1);
        }
        if (figure == null) throw new IllegalStateException("docs/benchmarks.md has no figure matching " + regex);
        return Double.parseDouble(figure.replace(",", ""));
    }

    private static Part part(String name, List<Long> nanos, long wallNanos, String how) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return new Part(name, nanos.size() / (wallNanos / 1e9), pct(sorted, 0.5), pct(sorted, 0.99), how);
    }

    private static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) return Double.NaN;
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
