package dev.herald.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * `./herald bench`: measures a running platform from outside, over HTTP, the way users load it.
 * It submits N reports built from the corpus, approves each as soon as moderation has it, and times
 * the submission calls, submission-to-review (ingest, outbox, Kafka, moderation) and
 * approval-to-searchable (moderation, outbox, Kafka, search indexing).
 */
final class Bench {

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
        out.printf("herald bench: %d reports, %d concurrent clients, run %s%n", reports, concurrency, run);

        List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Map<String, Object> report = new LinkedHashMap<>(corpus.get(n % corpus.size()));
                String token = "基准" + run + "号" + n;
                report.put("title", report.get("title") + " " + token);
                long t0 = System.nanoTime();
                HttpJson.Response receipt = http.post(ingest + "/api/reports", report);
                long t1 = System.nanoTime();
                if (receipt.status() != 202) {
                    throw new IllegalStateException("submission answered " + receipt.status() + ": " + receipt.body());
                }
                submitNanos.add(t1 - t0);
                String id = receipt.body().path("id").asString();
                submittedAt.put(id, t1);
                tokens.put(id, token);
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        double submitSeconds = (System.nanoTime() - start) / 1e9;

        List<Long> toReview = Collections.synchronizedList(new ArrayList<>());
        List<Long> toSearchable = Collections.synchronizedList(new ArrayList<>());
        futures.clear();
        for (String id : submittedAt.keySet()) {
            futures.add(pool.submit(() -> {
                poll(() -> http.get(moderation + "/api/reviews/" + id).status() == 200);
                toReview.add(System.nanoTime() - submittedAt.get(id));
                HttpJson.Response decision = http.post(moderation + "/api/reviews/" + id + "/approve", Map.of("moderator", "bench"));
                long approved = System.nanoTime();
                if (decision.status() != 200) {
                    throw new IllegalStateException("approval answered " + decision.status());
                }
                String q = HttpJson.encode(tokens.get(id));
                poll(() -> http.get(search + "/api/search?q=" + q).body().path("total").asInt() > 0);
                toSearchable.add(System.nanoTime() - approved);
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        out.printf("%nsubmissions: %d in %.1f s = %.1f per second%n", reports, submitSeconds, reports / submitSeconds);
        report("POST /api/reports latency", submitNanos);
        report("submitted -> in moderation queue", toReview);
        report("approved -> found by search", toSearchable);
        return true;
    }

    private void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        out.printf("%-36s p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms  (n=%d)%n", what,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast() / 1e6, sorted.size());
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static void poll(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after 120 s");
            }
            Thread.sleep(20);
        }
    }
}
