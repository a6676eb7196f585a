package dev.herald.launcher.chaos;

import dev.herald.auth.account.Role;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.launcher.CorpusReports;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.PlatformSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit submitting and a moderator approving through HTTP at a steady pace while a fault happens,
 * and a subscriber (inbox and webhook) listening, all for one unit of its own so that scenarios on one
 * platform never count each other's reports. It records only what the platform acknowledged: a 202 for
 * a submission, a 200 for an approval. Anything else (refused connections, timeouts, 5xx) the clients
 * shrug off and move on, as real clients would retry later.
 */
final class Traffic {

    /** A word every report of a run carries in its title, so search can count them. */
    static final String MARK = "演练";

    private final Deployment platform;
    private final String unit;
    private final String subscriber;
    private final String webhookPath;
    private final HttpJson http = new HttpJson();
    private final List<Map<String, Object>> corpus = CorpusReports.submissions();
    private final AtomicInteger turn = new AtomicInteger();
    final Set<String> submitted = ConcurrentHashMap.newKeySet();
    final Set<String> approved = ConcurrentHashMap.newKeySet();
    /** Approved by an approval whose answer was lost: not acknowledged, but not waiting either. */
    private final Set<String> approvedUnacknowledged = ConcurrentHashMap.newKeySet();
    /** What the platform answered instead of an acknowledgement, by call and status, for the report. */
    final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    final List<String> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    Traffic(Deployment platform, String scenario, String run) {
        this.platform = platform;
        this.unit = "演练单位-" + scenario + "-" + run;
        this.subscriber = "chaos-" + scenario + "-" + run;
        this.webhookPath = "/" + scenario + "-" + run;
    }

    String unit() {
        return unit;
    }

    String subscriber() {
        return subscriber;
    }

    String webhookPath() {
        return webhookPath;
    }

    /** Registers the unit and subscribes to it by inbox and by webhook; retried until the platform takes it. */
    void prepare(WebhookReceiver webhook) throws InterruptedException {
        HttpJson admin = as(Role.ADMIN, null);
        retry("register " + unit, () -> CorpusReports.registerUnit(admin, url(HeraldService.INGEST), unit).status() / 100 == 2);
        HttpJson reader = as(Role.SUBSCRIBER, subscriber);
        String subscriptions = url(HeraldService.NOTIFICATION) + "/api/subscriptions";
        retry("inbox subscription", () -> {
            HttpJson.Response created = reader.post(subscriptions, Map.of("filter", Map.of("units", List.of(unit)),
                    "delivery", Map.of("type", "INBOX")));
            if (created.status() != 201) return false;
            this.subscriptions.add(created.body().path("id").asString());
            return true;
        });
        retry("webhook subscription", () -> {
            HttpJson.Response created = reader.post(subscriptions, Map.of("filter", Map.of("units", List.of(unit)),
                    "delivery", Map.of("type", "WEBHOOK", "url", webhook.url(webhookPath))));
            if (created.status() != 201) return false;
            webhook.expectSecret(webhookPath, created.body().path("delivery").path("secret").asString());
            this.subscriptions.add(created.body().path("id").asString());
            return true;
        });
        // other instances learn of the unit at their registry's next reload
        Thread.sleep(platform.urls(HeraldService.INGEST).size() > 1 ? 6_000 : 0);
    }

    /**
     * Submits {@code reports} reports spread evenly over {@code over} while a moderator works the queue,
     * approving each acknowledged report once it is there; calls {@code fault} once when {@code faultAt}
     * of them have been sent.
     */
    void run(int reports, Duration over, double faultAt, Runnable fault) throws InterruptedException {
        HttpJson asUnit = as(Role.UNIT, unit);
        HttpJson asModerator = as(Role.MODERATOR, null);
        // a thread per unit clerk: each one waits out outages on its own, as people do
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean submitting = new AtomicBoolean(true);
        // one moderator at the queue rather than a poll per report: at thousands of reports in a backlog,
        // a poll per report would be the load that keeps the platform behind
        Thread desk = Thread.ofVirtual().name("chaos-moderator").start(() -> {
            while (submitting.get() && moderateOnce(asModerator) >= 0) {
                // until the last clerk is done
            }
        });
        long pace = over.toNanos() / reports;
        long start = System.nanoTime();
        Thread faults = null;
        try {
            for (int n = 0; n < reports; n++) {
                long due = start + n * pace;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                if (faults == null && n >= reports * faultAt) {
                    faults = Thread.ofPlatform().name("chaos-fault").start(fault);
                }
                int number = n;
                clients.submit(() -> submit(asUnit, number));
            }
            clients.shutdown();
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("clients did not finish within 10 minutes");
            }
        } finally {
            clients.shutdownNow();
            submitting.set(false);
            desk.join();
            if (faults != null) faults.join();
        }
    }

    /**
     * Approves what is still waiting; gives up after {@code patience} without one approval, so a backlog
     * moderation is still working through is waited for (up to ten times the patience) and a lost review is not.
     */
    void approveTheRest(Duration patience) throws InterruptedException {
        HttpJson asModerator = as(Role.MODERATOR, null);
        long giveUp = System.nanoTime() + patience.toNanos() * 10;
        long deadline = System.nanoTime() + patience.toNanos();
        int waiting = waiting().size();
        while (waiting > 0 && System.nanoTime() < deadline) {
            moderateOnce(asModerator);
            List<String> left = waiting();
            // an approval whose answer was lost leaves the review approved and out of the queue
            if (left.size() <= 500) {
                List<Boolean> done = Fanout.map(left, id -> "APPROVED".equals(reviewStatus(asModerator, id)));
                for (int i = 0; i < left.size(); i++) {
                    if (done.get(i)) approvedUnacknowledged.add(left.get(i));
                }
            }
            int now = waiting().size();
            if (now < waiting) deadline = Math.min(giveUp, System.nanoTime() + patience.toNanos());
            waiting = now;
        }
    }

    private List<String> waiting() {
        return submitted.stream().filter(id -> !approved.contains(id) && !approvedUnacknowledged.contains(id)).toList();
    }

    /**
     * One look at the queue: approves the acknowledged reports pending there; how many were approved, or -1
     * if interrupted. A look that approves nothing (an empty queue, or approvals refused during an outage)
     * pauses before the next, so the desk never polls in a tight loop.
     */
    private int moderateOnce(HttpJson asModerator) {
        List<String> mine = pendingReviews(asModerator).stream()
                .filter(id -> submitted.contains(id) && !approved.contains(id)).toList();
        int done = (int) Fanout.map(mine, id -> approve(asModerator, id)).stream().filter(Boolean::booleanValue).count();
        if (done == 0 && !pause(500)) return -1;
        return done;
    }

    /** The ids of the unit's pending reviews, oldest first, every page of the queue. */
    private List<String> pendingReviews(HttpJson asModerator) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 1_000; page++) {
            try {
                HttpJson.Response answer = asModerator.get(url(HeraldService.MODERATION) + "/api/reviews?status=PENDING&unit="
                        + HttpJson.encode(unit) + "&size=100&page=" + page);
                if (answer.status() != 200) {
                    refuse("queue " + answer.status());
                    return ids;
                }
                answer.body().path("reviews").forEach(review -> ids.add(review.path("id").asString()));
                if (answer.body().path("reviews").size() < 100) return ids;
            } catch (RuntimeException unreachable) {
                refuse("queue " + unreachable.getClass().getSimpleName() + " " + rootMessage(unreachable));
                return ids;
            }
        }
        return ids;
    }

    private void submit(HttpJson asUnit, int n) {
        Map<String, Object> report = CorpusReports.body(corpus.get(n % corpus.size()));
        report.put("title", report.get("title") + " " + MARK + " " + subscriber + " 第" + n + "篇");
        report.put("body", report.get("body") + "\n\n本篇为故障演练第" + n + "篇。");
        // a unit whose submission went unanswered sends it again under the same key, as a careful client does
        Map<String, String> key = Map.of("Idempotency-Key", subscriber + "-" + n);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                HttpJson.Response receipt = asUnit.post(url(HeraldService.INGEST) + "/api/reports", report, key);
                if (receipt.status() == 202) {
                    submitted.add(receipt.body().path("id").asString());
                    return;
                }
                refuse("submit " + receipt.status() + " " + receipt.body().path("detail").asString(""));
            } catch (RuntimeException unreachable) {
                refuse("submit " + unreachable.getClass().getSimpleName() + " " + rootMessage(unreachable));
            }
            if (!pause(1_000)) return;
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause.getClass().getSimpleName();
    }

    /** True once the approval is acknowledged, or was already. */
    private boolean approve(HttpJson asModerator, String id) {
        if (approved.contains(id)) return true;
        try {
            HttpJson.Response answer = asModerator.post(url(HeraldService.MODERATION) + "/api/reviews/" + id + "/approve", Map.of());
            if (answer.status() == 200) {
                approved.add(id);
                return true;
            }
            if (answer.status() == 409 && "APPROVED".equals(reviewStatus(asModerator, id))) {
                return true; // decided by an earlier attempt whose answer was lost: approved, not acknowledged
            }
            if (answer.status() != 404) refuse("approve " + answer.status());
        } catch (RuntimeException unreachable) {
            refuse("approve " + unreachable.getClass().getSimpleName() + " " + rootMessage(unreachable));
        }
        return false;
    }

    private String reviewStatus(HttpJson asModerator, String id) {
        try {
            HttpJson.Response review = asModerator.get(url(HeraldService.MODERATION) + "/api/reviews/" + id);
            return review.status() == 200 ? review.body().path("status").asString() : null;
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private void refuse(String what) {
        refusals.computeIfAbsent(what.length() > 120 ? what.substring(0, 120) : what, k -> new AtomicInteger()).incrementAndGet();
    }

    HttpJson as(Role role, String actsFor) {
        return http.as(LocalAccounts.token(settings(), role, actsFor));
    }

    /** Round-robin over the service's instances, as a load balancer would. */
    String url(HeraldService service) {
        List<String> urls = platform.urls(service);
        return urls.get(Math.floorMod(turn.getAndIncrement(), urls.size()));
    }

    private PlatformSettings settings() {
        return platform.settings();
    }

    private interface Attempt {
        boolean succeeded();
    }

    private static void retry(String what, Attempt attempt) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            try {
                if (attempt.succeeded()) return;
            } catch (RuntimeException notYet) {
                // the platform may still be starting up
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("could not " + what + " within a minute");
    }
}
