package dev.herald.searchbench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final List<BenchQuery> QUERIES = List.of(new BenchQuery("党史", "places"), new BenchQuery("义诊", "places"));

    @Test
    void aRunOnEveryBackendStartsWithOneRowForEachSideBySide() {
        Options options = Options.parse(new String[]{"--backend=both", "--articles=1000"});
        List<Load.Level> levels = new ArrayList<>();
        levels.add(level("HTTP", 1, 4));
        levels.add(level("HTTP", 8, 8));
        levels.add(level("HTTP, OpenSearch, 1 node", 1, 6));
        levels.add(level("HTTP, OpenSearch, 1 node", 8, 12));
        levels.add(level("HTTP, OpenSearch, 2 nodes", 1, 8));
        levels.add(level("HTTP, OpenSearch, 2 nodes", 8, 16));
        levels.add(level("raw Lucene", 1, 2));
        levels.add(level("raw Lucene", 8, 4));
        levels.add(level(RunResult.SCAN, 1, 400));
        List<RunResult.Served> served = List.of(
                new RunResult.Served(Target.EMBEDDED, null, false, List.of()),
                new RunResult.Served(Target.engine(1), new EngineBuild.Built(1000, 4.0, 9_000_000, 9_000_000, 2, 0), false, List.of()),
                new RunResult.Served(Target.engine(2), new EngineBuild.Built(1000, 5.0, 9_000_000, 18_000_000, 2, 1), false,
                        List.of("党史 (HTTP 3, Lucene 4)")));
        RunResult run = new RunResult(options, new Machine(2, "test", "25", 2048), new ArticleLoad.Loaded(1000, 5_000_000, 1.0, List.of()),
                new IndexBuild.Built(1000, 0.5, 2.5, 8_000_000, 3), QUERIES, levels, served);

        Report report = new Report();
        report.summarise(run);

        assertThat(report.text())
                .contains("| embedded | 400 | 8.0 | 4.00 / 4.00 | 8.00 / 8.00 |")
                .contains("| OpenSearch, 1 node | 250 | 9.0 | 6.00 / 6.00 | 12.0 / 12.0 |")
                // p99 over raw Lucene's p99: 8 / 2 at one client, 16 / 4 at eight
                .contains("| OpenSearch, 2 nodes | 200 | 9.0 | 8.00 / 8.00 | 16.0 / 16.0 | 1.0 | 4.0× / 4.0× | 0 |")
                .contains("| HTTP p99 / raw Lucene p99, 8 clients, OpenSearch, 2 nodes | 4.0× | ≤ 3× | **no** |")
                .contains("| OpenSearch, 2 nodes: a new index filled from the store with bulk requests (2 shards, 1 replica) | 1,000 | 5.0 | 200 | 1.00 |")
                .contains("9,000 bytes an article), 18.0 MB with replicas")
                .contains("On OpenSearch, 2 nodes the service opened the benchmark's index without rebuilding it; totals differing")
                .contains("| kind of query | HTTP, 1 client p50 / p99 ms | HTTP, 8 clients p50 / p99 ms | HTTP, OpenSearch, 1 node, 1 client p50 / p99 ms |");
    }

    /** Every query of the level took {@code millis}, over a measured second. */
    private static Load.Level level(String name, int clients, long millis) {
        Latencies all = Latencies.of(new long[]{Duration.ofMillis(millis).toNanos()});
        return new Load.Level(name, clients, all, Map.of("places", all), 1.0, 10, 0, null);
    }
}
