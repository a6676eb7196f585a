package dev.herald.launcher.bench;

import dev.herald.auth.account.Role;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.PlatformSettings;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `--preload=N`: fills the stores with N earlier reports of one unit of its own before anything is measured,
 * through the services' own write paths (a unit's submission, a moderator's approval, over HTTP, as fast as
 * the platform takes them), so every store holds what a year of use leaves: reports, reviews with their
 * fingerprints, processed-event records, articles and their index entries. It counts the unit's approved
 * reviews first and only adds the rest, so a million can be loaded over several sittings;
 * each report's Idempotency-Key is its number, so one re-sent after an interrupted sitting is not doubled.
 */
final class Preload {

    static final String UNIT = "管线预载单位";
    private static final long SEED = 20_261_206L;

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();

    Preload(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Loads until {@code target} reports of the unit are approved, then waits until search has indexed what it added. */
    void load(int target, int concurrency) throws Exception {
        String ingest = settings.baseUrl(HeraldService.INGEST), moderation = settings.baseUrl(HeraldService.MODERATION);
        FreshToken asAdmin = new FreshToken(settings, http, Role.ADMIN, null);
        HttpJson.Response registered = asAdmin.client().request("PUT", ingest + "/api/units/" + HttpJson.encode(UNIT), "{\"aliases\":[]}");
        if (registered.status() / 100 != 2) throw new IllegalStateException("could not register " + UNIT + ": " + registered.body());
        FreshToken moderator = new FreshToken(settings, http, Role.MODERATOR, null);
        long loaded = approved(moderator);
        if (loaded >= target) {
            out.printf("preload: %,d reports of %s already approved (asked for %,d); nothing to add%n", loaded, UNIT, target);
            return;
        }
        int from = (int) loaded, count = target - from;
        out.printf("preload: %,d reports of %s approved; adding %,d through submit + approve, %d at a time%n",
                loaded, UNIT, count, concurrency);
        double indexedBefore = indexed(asAdmin);
        FreshToken asUnit = new FreshToken(settings, http, Role.UNIT, UNIT);
        FreshToken asModerator = moderator;
        ReportGenerator generator = new ReportGenerator(SEED);
        generator.stream(from); // moves the sequence on without making the reports skipped
        Iterator<GeneratedReport> reports = generator.stream(count).iterator();
        AtomicInteger next = new AtomicInteger(from), done = new AtomicInteger(), failed = new AtomicInteger(),
                replayed = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (true) {
                        GeneratedReport report;
                        int n;
                        synchronized (reports) {
                            if (!reports.hasNext()) return null;
                            report = reports.next();
                            n = next.getAndIncrement();
                        }
                        Loaded outcome;
                        try {
                            outcome = loadOne(asUnit, asModerator, ingest, moderation, report, n);
                        } catch (RuntimeException unreachable) {
                            outcome = Loaded.FAILED; // a refused connection or a timeout: counted, and the worker goes on
                        }
                        switch (outcome) {
                            case APPROVED -> done.incrementAndGet();
                            case APPROVED_BEFORE -> {
                                done.incrementAndGet();
                                replayed.incrementAndGet();
                            }
                            case FAILED -> failed.incrementAndGet();
                        }
                    }
                });
            }
            workers.shutdown();
            long lastReport = System.nanoTime();
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                    lastReport = System.nanoTime();
                    out.printf("preload: %,d of %,d approved (%.0f/s), %d failed%n", done.get(), count,
                            done.get() / ((lastReport - start) / 1e9), failed.get());
                }
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        out.printf("preload: %,d submitted and approved in %.0f s: %.1f reports/s (%d failed, %d approved by an earlier sitting)%n",
                done.get(), took, done.get() / took, failed.get(), replayed.get());
        // what an earlier sitting approved was published then: search indexes only this sitting's approvals
        int published = done.get() - replayed.get();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        double indexed;
        while ((indexed = indexed(asAdmin) - indexedBefore) < published && System.nanoTime() < deadline) Thread.sleep(2_000);
        double all = (System.nanoTime() - start) / 1e9;
        out.printf("preload: %,.0f indexed by search after %.0f s: %.1f reports/s end to end; %,d of %s approved in all%n",
                indexed, all, indexed / all, approved(moderator), UNIT);
    }

    /** The unit's approved reviews, as moderation counts them: what earlier sittings loaded. */
    private long approved(FreshToken moderator) {
        HttpJson.Response found = moderator.client().get(settings.baseUrl(HeraldService.MODERATION)
                + "/api/reviews?status=APPROVED&size=1&unit=" + HttpJson.encode(UNIT));
        if (found.status() != 200) throw new IllegalStateException("moderation answered " + found.status() + ": " + found.body());
        return found.body().path("total").asLong();
    }

    /**
     * Publications search has indexed so far (its decision-to-searchable count): search has no listing by unit
     * alone, and the pre-load is done when it has indexed every approval.
     */
    private double indexed(FreshToken asAdmin) {
        HttpJson.Response scraped = asAdmin.client().get(settings.baseUrl(HeraldService.SEARCH) + "/actuator/prometheus");
        if (scraped.status() != 200) throw new IllegalStateException("search answered its metrics scrape with " + scraped.status());
        return BucketHistogram.parse(scraped.body().asString(), "herald_pipeline_decision_to_searchable_seconds", l -> true).count();
    }

    private enum Loaded { APPROVED, APPROVED_BEFORE, FAILED }

    /** Submits report n and approves it once its review is open. */
    private Loaded loadOne(FreshToken asUnit, FreshToken asModerator, String ingest, String moderation, GeneratedReport report, int n)
            throws InterruptedException {
        HttpJson.Response receipt = asUnit.client().post(ingest + "/api/reports", PipelineBench.body(report),
                Map.of("Idempotency-Key", "preload-" + n));
        if (receipt.status() / 100 != 2) return Loaded.FAILED;
        String id = receipt.body().path("id").asString();
        for (int attempt = 0; attempt < 600; attempt++) {
            int status = asModerator.client().post(moderation + "/api/reviews/" + id + "/approve", Map.of()).status();
            if (status == 200) return Loaded.APPROVED;
            // decided already, by an earlier sitting that lost the answer
            if (status == 409) return Loaded.APPROVED_BEFORE;
            if (status != 404) return Loaded.FAILED;
            Thread.sleep(200);
        }
        return Loaded.FAILED;
    }

}
