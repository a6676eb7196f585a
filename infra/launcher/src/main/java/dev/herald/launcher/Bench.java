package dev.herald.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * `./herald bench`: loads a running platform over HTTP the way units and moderators do, and reports
 * what it measured: client-side latency of submissions and approvals, and the pipeline's event lag
 * (from an event's occurrence to its effect in the consumer) as the services' own
 * {@code herald.events.lag} timers record it.
 */
final class Bench {

    private static final List<String> LAGS = List.of(
            "moderation-service moderation.article-submitted",
            "search-service search.article-published",
            "notification-service notification.article-published",
            "ingest-service ingest.article-published");

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();

    Bench(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    boolean run(int reports, int concurrency) throws Exception {
        String ingest = settings.baseUrl(HeraldService.INGEST);
        String moderation = settings.baseUrl(HeraldService.MODERATION);
        String search = settings.baseUrl(HeraldService.SEARCH);
        List<Map<String, Object>> corpus = CorpusReports.submissions();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        out.printf("herald bench: %d reports from %d concurrent clients (run %s), JDK %s, %d cores%n",
                reports, concurrency, run, Runtime.version(), Runtime.getRuntime().availableProcessors());
        Map<String, double[]> lagBefore = lagTotals();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Timings submits = timed(pool, reports, n -> {
            Map<String, Object> report = new LinkedHashMap<>(corpus.get(n % corpus.size()));
            report.put("title", report.get("title") + " 基准" + run + "-" + n);
            HttpJson.Response receipt = http.post(ingest + "/api/reports", report);
            expect(receipt, 202);
            ids.add(receipt.body().path("id").asString());
        });
        awaitAll(ids, id -> http.get(moderation + "/api/reviews/" + id).status() == 200);
        Timings approvals = timed(pool, reports, n -> expect(http.post(moderation + "/api/reviews/" + ids.get(n)
                + "/approve", Map.of("moderator", "bench")), 200));
        awaitAll(ids, id -> http.get(search + "/api/articles/" + id).status() == 200);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        out.println();
        latency("POST /api/reports (submit)", submits);
        latency("POST /api/reviews/{id}/approve", approvals);
        out.println("\nevent lag, occurrence to effect (the services' herald.events.lag timers; percentiles over Micrometer's 2-minute window):");
        Map<String, double[]> lagAfter = lagTotals();
        for (String lag : LAGS) {
            String[] parts = lag.split(" ");
            double[] before = lagBefore.get(lag), after = lagAfter.get(lag);
            double count = after[0] - before[0];
            double meanMs = count == 0 ? 0 : (after[1] - before[1]) / count * 1000;
            out.printf("  %-34s n=%4.0f  mean %7.1f ms  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n", parts[1], count, meanMs,
                    percentile(parts[0], parts[1], "0.5"), percentile(parts[0], parts[1], "0.95"), percentile(parts[0], parts[1], "0.99"));
        }
        return true;
    }

    private interface Step {
        void run(int n) throws Exception;
    }

    private record Timings(List<Long> nanos, long wallNanos) {
    }

    private static Timings timed(ExecutorService pool, int count, Step step) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                step.run(n);
                nanos.add(System.nanoTime() - t0);
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        return new Timings(nanos, System.nanoTime() - start);
    }

    private void latency(String what, Timings timings) {
        List<Long> sorted = timings.nanos().stream().sorted().toList();
        double wallSeconds = timings.wallNanos() / 1e9;
        out.printf("%-32s %5.0f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n", what,
                sorted.size() / wallSeconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast() / 1e6, sorted.size());
    }

    /** Count and total seconds of each consumer's lag timer, read from its Prometheus scrape. */
    private Map<String, double[]> lagTotals() {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String lag : LAGS) {
            String[] parts = lag.split(" ");
            totals.put(lag, new double[]{scrape(parts[0], "herald_events_lag_seconds_count", parts[1], null),
                    scrape(parts[0], "herald_events_lag_seconds_sum", parts[1], null)});
        }
        return totals;
    }

    private double percentile(String service, String consumer, String phi) {
        return scrape(service, "herald_events_lag_seconds", consumer, phi) * 1000;
    }

    private double scrape(String service, String metric, String consumer, String quantile) {
        String text = http.get(serviceUrl(service) + "/actuator/prometheus").body().asString();
        return text.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("consumer=\"" + consumer + "\"")
                        && (quantile == null || line.contains("quantile=\"" + quantile + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private String serviceUrl(String artifact) {
        for (HeraldService s : HeraldService.values()) {
            if (s.artifact().equals(artifact)) return settings.baseUrl(s);
        }
        throw new IllegalArgumentException(artifact);
    }

    private static void expect(HttpJson.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }

    private static void awaitAll(List<String> ids, Predicate<String> arrived) throws InterruptedException {
        Set<String> waiting = new HashSet<>(ids);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " reports did not arrive within 300 s");
            }
            waiting.removeIf(arrived);
            if (!waiting.isEmpty()) Thread.sleep(100);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
