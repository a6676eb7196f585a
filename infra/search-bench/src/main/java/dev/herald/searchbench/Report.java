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
        levels(run.levels());
        line("");
        goals(run.http(1), run.http(8), run.lucene(1), run.lucene(8), run.scan());
        line("");
        double mb = loaded.textBytes() / 1e6;
        line("| indexing | articles | seconds | articles/s | MB/s of text |");
        line("| --- | ---: | ---: | ---: | ---: |");
        line("| rebuild from the store (what the service does) | %,d | %.1f | %,.0f | %.2f |", built.documents(),
                built.rebuildSeconds(), built.documents() / built.rebuildSeconds(), mb / built.rebuildSeconds());
        line("| of which Lucene (rebuild less a read-only pass over the store) | %,d | %.1f | %,.0f | %.2f |", built.documents(),
                built.indexingSeconds(), built.documents() / built.indexingSeconds(), mb / built.indexingSeconds());
        line("");
        line("Text indexed: %.1f MB of UTF-8 (title, subtitle, body, unit, author, contributor, tags; mean %,.0f bytes "
                        + "an article). Index on disk: %.1f MB in %d segments (%.2f× the text). Storing the articles took %.1f s.",
                mb, (double) loaded.textBytes() / loaded.articles(), built.indexBytes() / 1e6, built.segments(),
                built.indexBytes() / (double) loaded.textBytes(), loaded.seconds());
        line("The service %s; %s.", run.rebuilt() ? "**rebuilt the index on start** (see its log)"
                        : "opened the benchmark's index without rebuilding it",
                run.mismatches().isEmpty() ? "every query's total through HTTP equals Lucene's exact count on the index"
                        : "totals differing between HTTP and the index: " + String.join(", ", run.mismatches()));
        line("");
        byKind(run.levels());
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

    private void goals(Load.Level http1, Load.Level http8, Load.Level lucene1, Load.Level lucene8, Load.Level scan) {
        line("| goal | measured | target | met |");
        line("| --- | ---: | ---: | --- |");
        ratio("HTTP p99 / raw Lucene p99, 1 client", p(http1, 99) / p(lucene1, 99), GOAL_HTTP_OVER_LUCENE, false);
        ratio("HTTP p99 / raw Lucene p99, 8 clients", p(http8, 99) / p(lucene8, 99), GOAL_HTTP_OVER_LUCENE, false);
        ratio("$regex scan p50 / HTTP p50, 1 client", p(scan, 50) / p(http1, 50), GOAL_SCAN_OVER_HTTP, true);
        ratio("$regex scan p99 / HTTP p99, 1 client", p(scan, 99) / p(http1, 99), GOAL_SCAN_OVER_HTTP, true);
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
            header.append(' ').append(level.name()).append(" p50 / p99 ms |");
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
