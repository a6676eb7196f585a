package dev.herald.searchbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A run's figures as Markdown: the levels side by side, the goal ratios, indexing, and cost by kind of query. */
final class Report {

    static final double GOAL_HTTP_OVER_LUCENE = 3;
    static final double GOAL_SCAN_OVER_HTTP = 100;

    private final StringBuilder md = new StringBuilder();

    String text() {
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }

    Report line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    /** The whole report of a run. */
    void summarise(RunResult run) {
        ArticleLoad.Loaded loaded = run.loaded();
        IndexBuild.Built built = run.built();
        Options options = run.options();
        List<BenchQuery> queries = run.queries();
        long frequent = queries.stream().filter(q -> q.kind().equals(QueryMix.FREQUENT_KIND)).count();
        line("## Search benchmark, %s", LocalDate.now());
        line("");
        line("%,d generated articles (seed %d), %s. Query mix: %d queries (%d judged, %d frequent title words), "
                        + "%d s warm-up and %d s measured per level; the scan each query once, pinyin left out (%d queries, "
                        + "at most %d s).",
                loaded.articles(), options.seed(), run.machine(), queries.size(), queries.size() - frequent, frequent,
                options.warmup().toSeconds(), options.measure().toSeconds(),
                queries.stream().filter(BenchQuery::scannable).count(), options.scan().toSeconds());
        line("");
        sideBySide(run);
        line("");
        levels(run.levels());
        line("");
        goals(run);
        line("");
        double mb = loaded.textBytes() / 1e6;
        line("| indexing | articles | seconds | articles/s | MB/s of text |");
        line("| --- | ---: | ---: | ---: | ---: |");
        line("| Lucene: rebuild from the store (what the embedded service does) | %,d | %.1f | %,.0f | %.2f |", built.documents(),
                built.rebuildSeconds(), built.documents() / built.rebuildSeconds(), mb / built.rebuildSeconds());
        line("| of which Lucene (rebuild less a read-only pass over the store) | %,d | %.1f | %,.0f | %.2f |", built.documents(),
                built.indexingSeconds(), built.documents() / built.indexingSeconds(), mb / built.indexingSeconds());
        for (RunResult.Served served : run.served()) {
            EngineBuild.Built engine = served.engine();
            if (engine != null) {
                line("| %s: a new index filled from the store with bulk requests (%d shards, %d replica) | %,d | %.1f | %,.0f | %.2f |",
                        served.target().name(), engine.shards(), engine.replicas(), engine.documents(), engine.seconds(),
                        engine.documents() / engine.seconds(), mb / engine.seconds());
            }
        }
        line("");
        line("Text indexed: %.1f MB of UTF-8 (title, subtitle, body, unit, author, contributor, tags; mean %,.0f bytes "
                        + "an article). Index on disk: %.1f MB in %d segments (%.2f× the text, %,.0f bytes an article). "
                        + "Storing the articles took %.1f s.",
                mb, (double) loaded.textBytes() / loaded.articles(), built.indexBytes() / 1e6, built.segments(),
                built.indexBytes() / (double) loaded.textBytes(), built.indexBytes() / (double) built.documents(), loaded.seconds());
        for (RunResult.Served served : run.served()) {
            EngineBuild.Built engine = served.engine();
            if (engine != null) {
                line("%s: the index's primaries %.1f MB on disk after a flush (%.2f× the text, %,.0f bytes an article), "
                                + "%.1f MB with replicas.", served.target().name(), engine.primaryBytes() / 1e6,
                        engine.primaryBytes() / (double) loaded.textBytes(), engine.primaryBytes() / (double) engine.documents(),
                        engine.totalBytes() / 1e6);
            }
        }
        for (RunResult.Served served : run.served()) {
            line("On %s the service %s; %s.", served.target().name(), served.rebuilt() ? "**rebuilt the index on start** (see its log)"
                            : "opened the benchmark's index without rebuilding it",
                    served.mismatches().isEmpty() ? "every query's total through HTTP equals Lucene's exact count on the index"
                            : "totals differing between HTTP and the index: " + String.join(", ", served.mismatches()));
        }
        line("");
        byKind(run.levels());
    }

    /** One row a backend: what the service did on it, and how far from raw Lucene. */
    private void sideBySide(RunResult run) {
        line("| backend | indexing articles/s | index MB (one copy) | p50 / p99 ms, 1 client | p50 / p99 ms, 8 clients | queries/s, 8 clients | p99 / raw Lucene p99, 1 / 8 clients | errors |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        IndexBuild.Built built = run.built();
        for (RunResult.Served served : run.served()) {
            Load.Level one = run.http(served.target(), 1);
            Load.Level eight = run.http(served.target(), 8);
            EngineBuild.Built engine = served.engine();
            double rate = engine == null ? built.documents() / built.rebuildSeconds() : engine.documents() / engine.seconds();
            long bytes = engine == null ? built.indexBytes() : engine.primaryBytes();
            line("| %s | %,.0f | %.1f | %s / %s | %s / %s | %.1f | %.1f× / %.1f× | %d |", served.target().name(), rate, bytes / 1e6,
                    ms(p(one, 50)), ms(p(one, 99)), ms(p(eight, 50)), ms(p(eight, 99)), eight.qps(),
                    p(one, 99) / p(run.lucene(1), 99), p(eight, 99) / p(run.lucene(8), 99), one.errors() + eight.errors());
        }
    }

    private void levels(List<Load.Level> levels) {
        line("| level | clients | queries | p50 ms | p90 ms | p99 ms | max ms | queries/s | mean total | errors |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Load.Level level : levels) {
            Latencies all = level.all();
            line("| %s | %d | %,d | %s | %s | %s | %s | %.1f | %,.0f | %d |", level.name(), level.clients(), all.count(),
                    ms(all.percentileMillis(50)), ms(all.percentileMillis(90)), ms(all.percentileMillis(99)), ms(all.maxMillis()),
                    level.qps(), level.meanHits(), level.errors());
        }
    }

    private void goals(RunResult run) {
        line("| goal | measured | target | met |");
        line("| --- | ---: | ---: | --- |");
        boolean several = run.served().size() > 1;
        for (RunResult.Served served : run.served()) {
            String on = several ? ", " + served.target().name() : "";
            ratio("HTTP p99 / raw Lucene p99, 1 client" + on, p(run.http(served.target(), 1), 99) / p(run.lucene(1), 99),
                    GOAL_HTTP_OVER_LUCENE, false);
            ratio("HTTP p99 / raw Lucene p99, 8 clients" + on, p(run.http(served.target(), 8), 99) / p(run.lucene(8), 99),
                    GOAL_HTTP_OVER_LUCENE, false);
        }
        Load.Level http1 = run.http(run.served().getFirst().target(), 1);
        String first = several ? ", " + run.served().getFirst().target().name() : "";
        ratio("$regex scan p50 / HTTP p50, 1 client" + first, p(run.scan(), 50) / p(http1, 50), GOAL_SCAN_OVER_HTTP, true);
        ratio("$regex scan p99 / HTTP p99, 1 client" + first, p(run.scan(), 99) / p(http1, 99), GOAL_SCAN_OVER_HTTP, true);
    }

    private void ratio(String what, double measured, double target, boolean atLeast) {
        boolean met = atLeast ? measured > target : measured <= target;
        line("| %s | %.1f× | %s %.0f× | %s |", what, measured, atLeast ? ">" : "≤", target, met ? "yes" : "**no**");
    }

    /** p50 and p99 of each kind of query at each level: where the time goes. */
    private void byKind(List<Load.Level> levels) {
        Set<String> kinds = new LinkedHashSet<>();
        levels.forEach(l -> kinds.addAll(l.byKind().keySet()));
        List<String> sorted = new ArrayList<>(kinds);
        sorted.sort(null);
        StringBuilder header = new StringBuilder("| kind of query |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Load.Level level : levels) {
            header.append(' ').append(level.name()).append(", ").append(level.clients())
                    .append(level.clients() == 1 ? " client" : " clients").append(" p50 / p99 ms |");
            rule.append(" ---: |");
        }
        line(header.toString());
        line(rule.toString());
        for (String kind : sorted) {
            StringBuilder row = new StringBuilder("| ").append(kind).append(" |");
            for (Load.Level level : levels) {
                Latencies l = level.byKind().get(kind);
                row.append(' ').append(l == null ? "–" : ms(l.percentileMillis(50)) + " / " + ms(l.percentileMillis(99))).append(" |");
            }
            line(row.toString());
        }
    }

    private static double p(Load.Level level, double percentile) {
        return level.all().percentileMillis(percentile);
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }
}
