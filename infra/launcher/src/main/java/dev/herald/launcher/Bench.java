package dev.herald.launcher;

import dev.herald.auth.account.Role;

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

    /** All bench reports come from one unit: the per-client rate limit must be off (HERALD_RATE_LIMITS=false). */
    private static final String BENCH_UNIT = "基准测试单位";

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();

    Bench(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    boolean run(int reports, int concurrency, int warmup) throws Exception {
        out.printf("herald bench: %d reports from %d concurrent clients after %d to warm up; JDK %s, %d cores%n",
                reports, concurrency, warmup, Runtime.version(), Runtime.getRuntime().availableProcessors());
        registerUnit();
        if (warmup > 0) {
            round(warmup, concurrency);
        }
        Map<String, Map<String, Double>> lagBefore = lagHistograms();
        Round measured = round(reports, concurrency);
        Timings submits = measured.submits(), approvals = measured.approvals();
        out.println();
        latency("POST /api/reports (submit)", submits);
        latency("POST /api/reviews/{id}/approve", approvals);
        out.println("\nevent lag, from the event's occurrence to its effect in the consumer (the services' herald.events.lag"
                + " histograms; a percentile is the upper bound of its bucket):");
        Map<String, Map<String, Double>> lagAfter = lagHistograms();
        for (String lag : LAGS) {
            Map<String, Double> before = lagBefore.get(lag), after = lagAfter.get(lag);
            double count = after.getOrDefault("count", 0.0) - before.getOrDefault("count", 0.0);
            double meanMs = count == 0 ? 0 : (after.getOrDefault("sum", 0.0) - before.getOrDefault("sum", 0.0)) / count * 1000;
            out.printf("  %-34s n=%4.0f  mean %7.1f ms  p50 <= %7.1f ms  p95 <= %7.1f ms  p99 <= %7.1f ms%n", lag.split(" ")[1],
                    count, meanMs, quantile(before, after, 0.5), quantile(before, after, 0.95), quantile(before, after, 0.99));
        }
        return true;
    }

    /** Submissions need a registered unit; the benchmark's own is registered once, allowed every corpus channel. */
    private void registerUnit() {
        HttpJson asAdmin = http.as(LocalAccounts.token(settings, Role.ADMIN, null));
        String ingest = settings.baseUrl(HeraldService.INGEST);
        if (asAdmin.get(ingest + "/api/units/" + HttpJson.encode(BENCH_UNIT)).status() == 200) return;
        HttpJson.Response registered = CorpusReports.registerUnit(asAdmin, ingest, BENCH_UNIT);
        if (registered.status() / 100 != 2) {
            throw new IllegalStateException("could not register the benchmark's unit: " + registered.status() + " " + registered.body());
        }
    }

    private record Round(Timings submits, Timings approvals) {
    }

    /** Submits reports, approves each once moderation has it, and waits until search has them all. */
    private Round round(int reports, int concurrency) throws Exception {
        String ingest = settings.baseUrl(HeraldService.INGEST);
        String moderation = settings.baseUrl(HeraldService.MODERATION);
        String search = settings.baseUrl(HeraldService.SEARCH);
        List<Map<String, Object>> corpus = CorpusReports.submissions();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, BENCH_UNIT));
        HttpJson asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            Timings submits = timed(pool, reports, n -> {
                Map<String, Object> report = CorpusReports.body(corpus.get(n % corpus.size()));
                report.put("title", report.get("title") + " 基准" + run + "-" + n);
                HttpJson.Response receipt = asUnit.post(ingest + "/api/reports", report);
                expect(receipt, 202);
                ids.add(receipt.body().path("id").asString());
            });
            awaitAll(ids, id -> asModerator.get(moderation + "/api/reviews/" + id).status() == 200);
            Timings approvals = timed(pool, reports, n -> expect(asModerator.post(moderation + "/api/reviews/" + ids.get(n)
                    + "/approve", Map.of()), 200));
            awaitAll(ids, id -> http.get(search + "/api/articles/" + id).status() == 200);
            return new Round(submits, approvals);
        } finally {
            pool.shutdown();
        }
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

    /** Each consumer's lag histogram as cumulative counts per bucket bound (seconds), plus "sum" and "count". */
    private Map<String, Map<String, Double>> lagHistograms() {
        Map<String, Map<String, Double>> histograms = new LinkedHashMap<>();
        HttpJson asAdmin = http.as(LocalAccounts.token(settings, Role.ADMIN, null));
        for (String lag : LAGS) {
            String[] parts = lag.split(" ");
            String text = asAdmin.get(serviceUrl(parts[0]) + "/actuator/prometheus").body().asString();
            Map<String, Double> values = new LinkedHashMap<>();
            // a consumer that runs once per instance (search) carries "@<instance id>" after its name
            text.lines().filter(line -> line.startsWith("herald_events_lag_seconds")
                            && (line.contains("consumer=\"" + parts[1] + "\"") || line.contains("consumer=\"" + parts[1] + "@")))
                    .forEach(line -> {
                        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        if (line.startsWith("herald_events_lag_seconds_bucket")) {
                            values.put(line.replaceAll(".*le=\"([^\"]+)\".*", "$1"), value);
                        } else if (line.startsWith("herald_events_lag_seconds_count")) {
                            values.put("count", value);
                        } else if (line.startsWith("herald_events_lag_seconds_sum")) {
                            values.put("sum", value);
                        }
                    });
            histograms.put(lag, values);
        }
        return histograms;
    }

    /** The smallest bucket bound under which the given share of this run's events fell, in ms. */
    private static double quantile(Map<String, Double> before, Map<String, Double> after, double q) {
        double total = after.getOrDefault("count", 0.0) - before.getOrDefault("count", 0.0);
        return after.keySet().stream().filter(k -> !k.equals("count") && !k.equals("sum") && !k.equals("+Inf"))
                .sorted(java.util.Comparator.comparingDouble(Double::parseDouble))
                .filter(le -> after.get(le) - before.getOrDefault(le, 0.0) >= q * total)
                .mapToDouble(le -> Double.parseDouble(le) * 1000).findFirst().orElse(Double.NaN);
    }

    private String serviceUrl(String artifact) {
        for (HeraldService s : HeraldService.values()) {
            if (s.artifact().equals(artifact)) return settings.baseUrl(s);
        }
        throw new IllegalArgumentException(artifact);
    }

    private static void expect(HttpJson.Response response, int status) {
        if (response.status() == 429) {
            throw new IllegalStateException("the platform rate-limits this client; benchmark a platform started with"
                    + " HERALD_RATE_LIMITS=false ./herald up");
        }
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
