package dev.herald.launcher.bench;

import dev.herald.auth.account.Role;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.PlatformSettings;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * `./herald bench --rates=25,50,100,200`: the open-loop pipeline benchmark of a running platform. For each
 * rate, a unit submits and a moderator approves at that rate by the clock ({@link OpenLoop}) while inbox
 * and webhook subscribers of the unit listen; each stage's latency comes from the services' own
 * {@code herald.pipeline.*} histograms (scrapes before, during and after the rate), and {@link LagRule}
 * says whether the lag stayed bounded. Floors ({@link Floors}), a pre-load ({@link Preload}) and a
 * fan-out round ({@link FanoutRound}) run in the same invocation when asked for.
 */
public final class PipelineBench {

    /** The four stages the issue names, each read from the service that reaches its later end. */
    enum Stage {
        SUBMITTED_TO_REVIEWABLE("submitted → reviewable", HeraldService.MODERATION, "herald_pipeline_submission_to_review_seconds",
                labels -> true),
        APPROVED_TO_SEARCHABLE("approved → searchable", HeraldService.SEARCH, "herald_pipeline_decision_to_searchable_seconds",
                labels -> true),
        APPROVED_TO_NOTIFIED("approved → notified", HeraldService.NOTIFICATION, "herald_pipeline_decision_to_notified_seconds",
                labels -> true),
        APPROVED_TO_DELIVERED("approved → webhook", HeraldService.NOTIFICATION, "herald_pipeline_decision_to_delivered_seconds",
                labels -> labels.contains("channel=\"webhook\""));

        final String label;
        final HeraldService service;
        final String metric;
        final Predicate<String> labels;

        Stage(String label, HeraldService service, String metric, Predicate<String> labels) {
            this.label = label;
            this.service = service;
            this.metric = metric;
            this.labels = labels;
        }

        boolean fedBySubmissions() {
            return this == SUBMITTED_TO_REVIEWABLE;
        }
    }

    /** What `./herald bench` takes in its open-loop mode; every field has its default here. */
    public record Options(List<Integer> rates, int durationSeconds, int warmupSeconds, double approveAfterSeconds,
                          int inboxSubscribers, int webhookSubscribers, int scrapeSeconds, boolean floors, int preload,
                          int preloadConcurrency, int preloadCopiesOf, int fanout, int fanoutMatching, int fanoutCopiesOf,
                          LagRule rule) {

        public static Options parse(String[] args) {
            return new Options(
                    Arrays.stream(option(args, "--rates=", "25,50,100,200").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList(),
                    Integer.parseInt(option(args, "--duration=", "60")),
                    Integer.parseInt(option(args, "--warmup=", "10")),
                    Double.parseDouble(option(args, "--approve-after=", "2")),
                    Integer.parseInt(option(args, "--inbox=", "2")),
                    Integer.parseInt(option(args, "--webhooks=", "1")),
                    Integer.parseInt(option(args, "--scrape=", "5")),
                    !Arrays.asList(args).contains("--no-floors"),
                    Integer.parseInt(option(args, "--preload=", "0")),
                    Integer.parseInt(option(args, "--preload-concurrency=", "16")),
                    Integer.parseInt(option(args, "--preload-copies-of=", "0")),
                    Integer.parseInt(option(args, "--fanout=", "0")),
                    Integer.parseInt(option(args, "--fanout-matching=", "1")),
                    Integer.parseInt(option(args, "--fanout-copies-of=", "0")),
                    new LagRule(Double.parseDouble(option(args, "--drain-limit=", "15")), LagRule.DEFAULT.growthFactor(),
                            LagRule.DEFAULT.slackSeconds()));
        }

        private static String option(String[] args, String prefix, String fallback) {
            return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                    .map(a -> a.substring(prefix.length())).orElse(fallback);
        }
    }

    private static final long SEED = 20_261_204L;
    /** A send that starts later than this after its slot is counted late. */
    private static final Duration LATE_AFTER = Duration.ofMillis(50);
    /** How many 404 answers a second, at most, the bench spends on asking whether reviews are open yet. */
    private static final int RETRIES_PER_SECOND = 20;
    /** An approval whose review is not open this long after its slot is counted as failed. */
    private static final Duration APPROVAL_GIVE_UP = Duration.ofSeconds(120);

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();
    private final FreshToken asAdmin;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
    private final AtomicInteger rounds = new AtomicInteger();

    public PipelineBench(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.asAdmin = new FreshToken(settings, http, Role.ADMIN, null);
    }

    public boolean run(Options options) throws Exception {
        out.printf("herald bench (open loop): rates %s /s for %d s each after %d s of warm-up, approvals %.1f s after their"
                        + " submission, %d inbox and %d webhook subscribers; JDK %s, %d cores%n", options.rates(),
                options.durationSeconds(), options.warmupSeconds(), options.approveAfterSeconds(), options.inboxSubscribers(),
                options.webhookSubscribers(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (WebhookReceiver webhook = WebhookReceiver.start()) {
            webhook.countOnly();
            if (options.preload() > 0 && options.preloadCopiesOf() > 0) {
                new CopyPreload(settings, out).load(options.preload(), options.preloadCopiesOf(), options.preloadConcurrency());
            } else if (options.preload() > 0) {
                new Preload(settings, out).load(options.preload(), options.preloadConcurrency());
            }
            String unit = "管线基准-" + run;
            register(unit);
            List<String> subscriptions = subscribe(unit, options, webhook);
            try {
                Floors.Figures floors = options.floors() ? new Floors(settings, out).measure() : null;
                ReportGenerator reports = new ReportGenerator(SEED + System.currentTimeMillis());
                if (options.warmupSeconds() > 0 && !options.rates().isEmpty()) {
                    out.printf("%nwarm-up: %d/s for %d s (not measured)%n", options.rates().getFirst(), options.warmupSeconds());
                    rate(unit, reports, options.rates().getFirst(), options.warmupSeconds(), options);
                }
                List<RateResult> results = new ArrayList<>();
                for (int rate : options.rates()) {
                    out.printf("%nrate %d/s for %d s...%n", rate, options.durationSeconds());
                    RateResult result = rate(unit, reports, rate, options.durationSeconds(), options);
                    results.add(result);
                    out.println("  " + result.summary());
                }
                out.println();
                if (!results.isEmpty()) {
                    out.println(Tables.sends(results));
                    out.println(Tables.stages(results, floors));
                }
                if (floors != null) out.println(floors.table());
                if (!results.isEmpty()) out.println(Tables.verdict(results, options.rule()));
                if (options.fanout() > 0) {
                    new FanoutRound(settings, out, webhook, run).run(options.fanout(), options.fanoutMatching(), options.fanoutCopiesOf());
                }
                return true;
            } finally {
                unsubscribe(subscriptions, unit);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The run's own unit, so that its counts and subscriptions meet no other traffic's. */
    private void register(String unit) {
        HttpJson.Response registered = asAdmin.client().request("PUT", settings.baseUrl(HeraldService.INGEST) + "/api/units/"
                + HttpJson.encode(unit), "{\"aliases\":[]}");
        if (registered.status() / 100 != 2) {
            throw new IllegalStateException("could not register the unit " + unit + ": " + registered.status() + " " + registered.body());
        }
    }

    private List<String> subscribe(String unit, Options options, WebhookReceiver webhook) {
        List<String> ids = new ArrayList<>();
        String url = settings.baseUrl(HeraldService.NOTIFICATION) + "/api/subscriptions";
        for (int i = 0; i < options.inboxSubscribers() + options.webhookSubscribers(); i++) {
            boolean hook = i >= options.inboxSubscribers();
            HttpJson reader = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, "pipeline-bench-" + run + "-" + i));
            Map<String, Object> delivery = hook ? Map.of("type", "WEBHOOK", "url", webhook.url("/pipeline-" + run + "-" + i))
                    : Map.of("type", "INBOX");
            HttpJson.Response created = reader.post(url, Map.of("filter", Map.of("units", List.of(unit)), "delivery", delivery));
            if (created.status() != 201) {
                throw new IllegalStateException("could not subscribe: " + created.status() + " " + created.body());
            }
            ids.add(created.body().path("id").asString() + " " + "pipeline-bench-" + run + "-" + i);
        }
        return ids;
    }

    /** Webhook subscriptions left behind would call a receiver that is gone, with retries for hours. */
    private void unsubscribe(List<String> subscriptions, String unit) {
        for (String s : subscriptions) {
            String[] idAndSubscriber = s.split(" ");
            try {
                http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, idAndSubscriber[1]))
                        .delete(settings.baseUrl(HeraldService.NOTIFICATION) + "/api/subscriptions/" + idAndSubscriber[0]);
            } catch (RuntimeException e) {
                out.println("herald bench: could not delete subscription " + idAndSubscriber[0] + " of " + unit + ": " + e.getMessage());
            }
        }
    }

    /** One rate: both loops, the scrapes during them, and the drain after. */
    private RateResult rate(String unit, ReportGenerator generator, int perSecond, int seconds, Options options) throws Exception {
        HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, unit));
        HttpJson asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
        String ingest = settings.baseUrl(HeraldService.INGEST), moderation = settings.baseUrl(HeraldService.MODERATION);
        OpenLoop submitLoop = new OpenLoop(perSecond, Duration.ofSeconds(seconds), LATE_AFTER, OpenLoop.SYSTEM);
        OpenLoop approveLoop = new OpenLoop(perSecond, Duration.ofSeconds(seconds), LATE_AFTER, OpenLoop.SYSTEM);
        // made before the clock starts, so that writing reports never makes a send late
        List<Map<String, Object>> bodies = generator.stream(submitLoop.sends()).map(PipelineBench::body).toList();
        List<CompletableFuture<String>> ids = new ArrayList<>();
        for (int k = 0; k < submitLoop.sends(); k++) ids.add(new CompletableFuture<>());
        AtomicInteger retried = new AtomicInteger(), waiting = new AtomicInteger();
        int round = rounds.incrementAndGet();

        Map<Stage, BucketHistogram> baseline = scrape();
        long t0 = System.nanoTime();
        Scraper scraper = new Scraper(t0, options.scrapeSeconds());
        scraper.add(baseline, 0);
        Thread scraping = Thread.ofPlatform().daemon().name("bench-scrapes").start(scraper);
        OpenLoop.Tally[] approvals = new OpenLoop.Tally[1];
        long[] approvalsStarted = new long[1];
        Thread approver = Thread.ofPlatform().name("bench-moderator").start(() -> {
            try {
                OpenLoop.SYSTEM.sleepUntil(t0 + (long) (options.approveAfterSeconds() * 1e9));
                approvalsStarted[0] = System.nanoTime();
                approvals[0] = approveLoop.run(k -> ids.get(k).thenCompose(id -> approve(asModerator, moderation, id, retried, waiting,
                        System.nanoTime() + APPROVAL_GIVE_UP.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        OpenLoop.Tally submissions = submitLoop.run(k -> {
            CompletableFuture<Boolean> acknowledged = CompletableFuture.supplyAsync(() -> {
                HttpJson.Response receipt = asUnit.post(ingest + "/api/reports", bodies.get(k), Map.of("Idempotency-Key", "bench-" + run + "-" + round + "-" + k));
                return receipt.status() == 202 ? receipt.body().path("id").asString() : null;
            }, clients).handle((id, error) -> {
                if (id == null) ids.get(k).completeExceptionally(new IllegalStateException("not acknowledged"));
                else ids.get(k).complete(id);
                return id != null;
            });
            return acknowledged;
        });
        long submitsEnded = System.nanoTime();
        approver.join();
        long approvalsEnded = System.nanoTime();
        submissions.awaitAnswers(Duration.ofSeconds(60));
        approvals[0].awaitAnswers(Duration.ofSeconds(60));

        // the drain: until every stage has finished what was acknowledged into it
        Map<Stage, Double> expected = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            double inputs = stage.fedBySubmissions() ? submissions.acknowledged() : approvals[0].acknowledged();
            expected.put(stage, stage == Stage.APPROVED_TO_DELIVERED ? inputs * options.webhookSubscribers() : inputs);
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(60, 2L * seconds));
        Map<Stage, BucketHistogram> last = baseline;
        while (System.nanoTime() < giveUp) {
            last = scrape();
            scraper.add(last, System.nanoTime());
            Map<Stage, BucketHistogram> now = last;
            if (Arrays.stream(Stage.values()).allMatch(stage -> now.get(stage).minus(baseline.get(stage)).count() >= expected.get(stage))) break;
            Thread.sleep(500);
        }
        scraper.stop();
        scraping.join();
        // drained at the first scrape, background ones included, that shows the stage done: answers awaited above may
        // have come after it
        Map<Stage, Double> drainedAfter = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            long inputEnded = stage.fedBySubmissions() ? submitsEnded : approvalsEnded;
            scraper.firstReaching(stage, baseline.get(stage), expected.get(stage))
                    .ifPresent(at -> drainedAfter.put(stage, Math.max(0, (at - inputEnded) / 1e9)));
        }
        double approvalsOffset = (approvalsStarted[0] - t0) / 1e9;
        Map<Stage, StageResult> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            double opened = stage.fedBySubmissions() ? 0 : approvalsOffset;
            List<LagRule.Scrape> series = scraper.series(stage, opened);
            BucketHistogram all = last.get(stage).minus(baseline.get(stage));
            // a stage given nothing (no webhook subscriber) has no lag to judge
            LagRule.Verdict verdict = expected.get(stage) == 0 ? new LagRule.Verdict(true, Double.NaN, Double.NaN, 0, "not exercised")
                    : options.rule().judge(series, seconds, drainedAfter.getOrDefault(stage, Double.NaN));
            stages.put(stage, new StageResult(all, expected.get(stage), verdict));
        }
        return new RateResult(perSecond, seconds, submissions, approvals[0], retried.get(), stages);
    }

    /**
     * Approves once the review is open: a 404 means moderation has not taken the submission in yet, so the
     * approval is tried again later and counted as retried, given up after {@link #APPROVAL_GIVE_UP}. The wait
     * grows with the number of approvals waiting so that, however far behind moderation is, the bench asks
     * about {@link #RETRIES_PER_SECOND} times a second in all: a fixed quarter second per approval made a
     * backlog of a thousand reviews into four thousand 404s a second, and the bench the platform's main load.
     */
    private CompletableFuture<Boolean> approve(HttpJson asModerator, String moderation, String id, AtomicInteger retried,
                                               AtomicInteger waiting, long giveUpAt) {
        return CompletableFuture.supplyAsync(() -> asModerator.post(moderation + "/api/reviews/" + id + "/approve", Map.of()).status(),
                clients).thenCompose(status -> {
            if (status == 404 && System.nanoTime() < giveUpAt) {
                retried.incrementAndGet();
                long delay = Math.max(250, waiting.incrementAndGet() * 1000L / RETRIES_PER_SECOND);
                return CompletableFuture.supplyAsync(() -> waiting.decrementAndGet(), CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, clients))
                        .thenCompose(ignored -> approve(asModerator, moderation, id, retried, waiting, giveUpAt));
            }
            return CompletableFuture.completedFuture(status == 200);
        });
    }

    static Map<String, Object> body(GeneratedReport r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("channel", r.channel());
        line.put("title", r.title());
        if (r.subtitle() != null) line.put("subtitle", r.subtitle());
        line.put("body", r.body());
        if (r.author() != null) line.put("author", r.author());
        if (r.contributor() != null) line.put("contributor", r.contributor());
        line.put("originalPublishedAt", r.publishedAt().toString());
        line.put("tags", r.tags());
        return line;
    }

    /** Every stage's cumulative histogram now; one scrape per service. */
    Map<Stage, BucketHistogram> scrape() {
        Map<HeraldService, String> texts = new EnumMap<>(HeraldService.class);
        Map<Stage, BucketHistogram> histograms = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            String text = texts.computeIfAbsent(stage.service, s -> {
                HttpJson.Response scraped = asAdmin.client().get(settings.baseUrl(s) + "/actuator/prometheus");
                if (scraped.status() != 200) {
                    throw new IllegalStateException(s.artifact() + " answered its metrics scrape with " + scraped.status());
                }
                return scraped.body().asString();
            });
            histograms.put(stage, BucketHistogram.parse(text, stage.metric, stage.labels));
        }
        return histograms;
    }

    /** Scrapes every few seconds in the background while the loops run, and keeps them with their times. */
    private final class Scraper implements Runnable {
        private final long t0;
        private final int everySeconds;
        private final List<Map.Entry<Long, Map<Stage, BucketHistogram>>> scrapes = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Scraper(long t0, int everySeconds) {
            this.t0 = t0;
            this.everySeconds = everySeconds;
        }

        void add(Map<Stage, BucketHistogram> scrape, long at) {
            scrapes.add(Map.entry(at == 0 ? t0 : at, scrape));
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            for (int n = 1; running.get(); n++) {
                try {
                    OpenLoop.SYSTEM.sleepUntil(t0 + TimeUnit.SECONDS.toNanos((long) everySeconds * n));
                    if (!running.get()) return;
                    long at = System.nanoTime();
                    add(scrape(), at);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException missed) {
                    // a scrape the platform could not answer leaves a wider interval, nothing more
                }
            }
        }

        /** When (nanos) the first scrape was taken whose count for the stage, less the baseline's, reached {@code expected}. */
        java.util.Optional<Long> firstReaching(Stage stage, BucketHistogram baseline, double expected) {
            return scrapes.stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> e.getValue().get(stage).minus(baseline).count() >= expected).map(Map.Entry::getKey).findFirst();
        }

        /** One stage's scrapes in time order, timed from {@code opened} seconds after t0 (when its input began). */
        List<LagRule.Scrape> series(Stage stage, double opened) {
            return scrapes.stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new LagRule.Scrape((e.getKey() - t0) / 1e9 - opened, e.getValue().get(stage))).toList();
        }
    }

    record StageResult(BucketHistogram histogram, double expected, LagRule.Verdict verdict) {
    }

    record RateResult(int rate, int seconds, OpenLoop.Tally submissions, OpenLoop.Tally approvals, int approvalsRetried,
                      Map<Stage, StageResult> stages) {

        /**
         * Bounded: every stage's lag by the rule, and the platform took the rate itself: at least 95 % of it
         * sent, and every send acknowledged.
         */
        boolean bounded() {
            return kept(submissions) && kept(approvals) && stages.values().stream().allMatch(s -> s.verdict().bounded());
        }

        private boolean kept(OpenLoop.Tally tally) {
            return tally.sentPerSecond() >= 0.95 * rate && tally.acknowledged() == tally.sent();
        }

        String summary() {
            StringBuilder s = new StringBuilder(String.format("submitted %.1f/s (%d late, %d failed), approved %.1f/s (%d late,"
                            + " %d failed, %d retried): ", submissions.acknowledgedPerSecond(), submissions.late(), submissions.failed(),
                    approvals.acknowledgedPerSecond(), approvals.late(), approvals.failed(), approvalsRetried));
            stages.forEach((stage, r) -> s.append(String.format("%s %s; ", stage.label, r.verdict().why())));
            return s.append(bounded() ? "BOUNDED" : "NOT BOUNDED").toString();
        }
    }
}
