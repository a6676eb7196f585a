package dev.herald.searchbench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.EmbeddedKafka;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import dev.herald.search.article.ArticleStore;
import dev.herald.searchengine.EngineCluster;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./herald search-bench}: in one run, on generated articles, the search service's indexing
 * throughput and its query latency through HTTP at one and eight clients, on the embedded index, on OpenSearch
 * or on both one after the other, beside the floor (the same queries straight against the same Lucene index)
 * and a naive scan ({@code $regex} over the same collection). Prints a Markdown table and writes it to {@code infra/search-bench/target/search-bench.md}.
 */
public final class SearchBench {

    static final String DATABASE = "herald-search";

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("herald search-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.workDir());
        deleteContents(options.workDir());
        long started = System.nanoTime();
        Report report = new Report();
        Machine machine = Machine.describe();
        System.out.println("herald search-bench: " + machine);
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(options.workDir().resolve("mongo"), Ports.free());
             EmbeddedKafka kafka = EmbeddedKafka.start(options.workDir().resolve("kafka"), Ports.free(), 3);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            run(options, machine, report, mongo, kafka, client);
        }
        report.write(options.reportFile());
        System.out.println();
        System.out.print(report.text());
        System.out.printf("%nwritten to %s; the run took %.0f s%n", options.reportFile(), (System.nanoTime() - started) / 1e9);
        // the embedded broker leaves non-daemon threads behind
        System.exit(0);
    }

    private static void run(Options options, Machine machine, Report report, EmbeddedMongo mongo, EmbeddedKafka kafka,
                            MongoClient client) throws Exception {
        MongoTemplate template = new MongoTemplate(client, DATABASE);
        step("generating %,d articles (seed %d) into %s.articles", options.articles(), options.seed(), DATABASE);
        ArticleLoad.Loaded loaded = ArticleLoad.into(template, options.articles(), options.seed());
        List<BenchQuery> queries = QueryMix.of(loaded.sampleTitles(), options.seed());

        step("building the index as the service rebuilds it");
        Path index = options.workDir().resolve("index");
        IndexBuild.Built built = IndexBuild.from(new ArticleStore(template), index);

        List<Load.Level> levels = new ArrayList<>();
        List<RunResult.Served> served = new ArrayList<>();
        for (Target target : options.targets()) {
            served.add(serve(target, options, mongo, kafka, template, index, queries, levels));
        }
        try (LuceneFloor floor = new LuceneFloor(index)) {
            for (int clients : new int[]{1, 8}) {
                step("raw Lucene, %d client(s): %d s warm-up, %d s measured", clients, options.warmup().toSeconds(), options.measure().toSeconds());
                levels.add(Load.run("raw Lucene", clients, queries, options.warmup(), options.measure(), floor));
            }
        }
        List<BenchQuery> scannable = queries.stream().filter(BenchQuery::scannable).toList();
        RegexScan scan = new RegexScan(client.getDatabase(DATABASE).getCollection("articles"));
        step("MongoDB $regex scan, 1 client: each of the %d queries that are not pinyin once, for at most %d s",
                scannable.size(), options.scan().toSeconds());
        // one untimed query first, so the store's own caches are as warm as the index's
        scan.hits(scannable.getLast());
        levels.add(Load.run(RunResult.SCAN, 1, scannable, Duration.ZERO, options.scan(), scannable.size(), scan));

        report.summarise(new RunResult(options, machine, loaded, built, queries, levels, served));
    }

    /**
     * The service on one backend, measured at one and eight clients: on the engine, its nodes are started and filled
     * from the store first (the service finds the index full and opens it) and stopped after.
     */
    private static RunResult.Served serve(Target target, Options options, EmbeddedMongo mongo, EmbeddedKafka kafka,
                                          MongoTemplate template, Path index, List<BenchQuery> queries,
                                          List<Load.Level> levels) throws Exception {
        EngineCluster cluster = null;
        try {
            EngineBuild.Built engine = null;
            List<String> hosts = List.of();
            if (target.engine()) {
                step("starting %s (%d shards, %d replica)", target.name(), Target.SHARDS, target.replicas());
                System.setProperty(EngineCluster.OWN_CLASSES_PROPERTY,
                        options.root().resolve("infra/search-engine/target/classes").toString());
                cluster = EngineCluster.start(options.workDir().resolve("engine-" + target.nodes()), target.nodes());
                hosts = cluster.httpHosts();
                step("filling the engine's index from the store as the service does");
                engine = EngineBuild.from(template, hosts, target, options.workDir().resolve("unused-index"));
                System.out.printf("  %,d articles in %.1f s; %.1f MB of primaries, %.1f MB with replicas%n", engine.documents(),
                        engine.seconds(), engine.primaryBytes() / 1e6, engine.totalBytes() / 1e6);
            }
            step("starting search-service on %s (%s)", target.name(), String.join(" ", ServiceUnderTest.JVM_OPTIONS));
            try (ServiceUnderTest service = ServiceUnderTest.start(options.root(), options.workDir(), Ports.free(),
                    mongo.connectionString(), kafka.bootstrapServers(), index, hosts);
                 LuceneFloor floor = new LuceneFloor(index)) {
                service.awaitHealthy(Duration.ofMinutes(5));
                boolean rebuilt = service.rebuiltOnStart();
                HttpSearch http = new HttpSearch(service.baseUrl(), queries);
                List<String> mismatches = sameAnswers(queries, http, floor);
                System.out.printf("  healthy; %s; %d of %d queries give the service the same total as the floor%n",
                        rebuilt ? "it REBUILT the index on start" : "it opened the benchmark's index as it was",
                        queries.size() - mismatches.size(), queries.size());
                for (int clients : new int[]{1, 8}) {
                    step("%s, %d client(s): %d s warm-up, %d s measured", target.level(), clients, options.warmup().toSeconds(),
                            options.measure().toSeconds());
                    levels.add(Load.run(target.level(), clients, queries, options.warmup(), options.measure(), http));
                }
                return new RunResult.Served(target, engine, rebuilt, mismatches);
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** Each query once through HTTP and once counted on the index: a different total means a different index. */
    private static List<String> sameAnswers(List<BenchQuery> queries, HttpSearch http, LuceneFloor floor) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (BenchQuery query : queries) {
            long served = http.hits(query), counted = floor.count(query);
            if (served != counted) {
                mismatches.add(query.text() + " (HTTP " + served + ", Lucene " + counted + ")");
            }
        }
        return mismatches;
    }

    private static void step(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(path);
            }
        }
    }
}
