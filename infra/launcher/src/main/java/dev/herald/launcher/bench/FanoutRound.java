package dev.herald.launcher.bench;

import dev.herald.auth.account.Role;
import dev.herald.corpus.ReportGenerator;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.PlatformSettings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `--fanout=N [--fanout-matching=P]`: N subscriptions of which P % (1 unless given) match one article, then that article published and timed until
 * every notice of it is stored and every webhook message of it queued, read from notification's
 * {@code herald.notifications{channel, outcome=created}} counters (polled every 100 ms) and its
 * {@code decision-to-notified} histogram (one sample: publication to the last notice made).
 *
 * <p>There is no bulk subscription endpoint, so the subscriptions are made through {@code POST /api/subscriptions}
 * by many subscribers at once, 1,000 per subscriber. The inbox ones stay (they are counted per subscriber
 * first, so a later run with the same or a larger N only adds the missing ones); one matching subscription
 * in ten is a webhook to this run's receiver, made for the round and deleted after it, since a receiver of
 * an earlier run is gone.
 */
final class FanoutRound {

    static final String UNIT = "扇出基准单位";
    /** A unit no report comes from: the 99 % that must not match. */
    static final String OTHER_UNIT = "扇出基准单位-未匹配";
    private static final int PER_SUBSCRIBER = 1_000;

    private final PlatformSettings settings;
    private final PrintStream out;
    private final WebhookReceiver webhook;
    private final String run;
    private final HttpJson http = new HttpJson();
    private int percent = 1;
    private String unit = UNIT;

    FanoutRound(PlatformSettings settings, PrintStream out, WebhookReceiver webhook, String run) {
        this.settings = settings;
        this.out = out;
        this.webhook = webhook;
        this.run = run;
    }

    /**
     * @param percent how many in a hundred match. Each share has a unit and subscribers of its own, so the
     *                subscriptions a run with another share left behind neither match its article nor count
     *                towards its own
     */
    void run(int subscriptions, int percent) throws Exception {
        run(subscriptions, percent, 0);
    }

    /**
     * @param copiesOf past this many, inbox subscriptions are copied into the store ({@link SubscriptionCopies}); 0
     *                 makes them all through the API. A run that copies any stops before publishing: the platform
     *                 is restarted so that notification loads them, and the same command then publishes and times
     */
    void run(int subscriptions, int percent, int copiesOf) throws Exception {
        if (percent < 1 || percent > 100) throw new IllegalArgumentException("--fanout-matching must be 1 to 100, not " + percent);
        this.percent = percent;
        this.unit = percent == 1 ? UNIT : UNIT + "-p" + percent;
        String notification = settings.baseUrl(HeraldService.NOTIFICATION);
        HttpJson asAdmin = http.as(LocalAccounts.token(settings, Role.ADMIN, null));
        HttpJson.Response registered = asAdmin.request("PUT", settings.baseUrl(HeraldService.INGEST) + "/api/units/"
                + HttpJson.encode(unit), "{\"aliases\":[]}");
        if (registered.status() / 100 != 2) throw new IllegalStateException("could not register " + unit + ": " + registered.body());
        int matching = (int) ((long) subscriptions * percent / 100), hooks = Math.max(1, matching / 10), inboxMatching = matching - hooks;
        out.printf("%nfan-out: %,d subscriptions, %,d of them matching (%,d inbox, %,d webhook)%n", subscriptions, matching,
                inboxMatching, hooks);
        long start = System.nanoTime();
        int inbox = subscriptions - hooks;
        int made = ensureInboxSubscriptions(copiesOf > 0 ? Math.min(copiesOf, inbox) : inbox, inboxMatching);
        out.printf("fan-out: %,d inbox subscriptions made in %.0f s (the rest were there from an earlier run)%n", made,
                (System.nanoTime() - start) / 1e9);
        if (copiesOf > 0 && inbox > copiesOf) {
            start = System.nanoTime();
            long copied = new SubscriptionCopies(settings).copy(copiesOf, inbox, PER_SUBSCRIBER, this::subscriberOf,
                    i -> matches(i, inboxMatching), unit, OTHER_UNIT);
            out.printf("fan-out: %,d inbox subscriptions copied into the store in %.0f s%n", copied, (System.nanoTime() - start) / 1e9);
            if (copied > 0) {
                out.printf("fan-out: restart the platform so that the notification service loads them (its index is loaded whole"
                        + " at start), then run the same command to publish and time%n");
                return;
            }
        }
        List<String[]> hookSubscriptions = new ArrayList<>();
        try {
            for (int i = 0; i < hooks; i++) {
                String subscriber = "fanout-hook-" + run + "-" + (i / PER_SUBSCRIBER);
                HttpJson.Response created = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, subscriber)).post(
                        notification + "/api/subscriptions", Map.of("filter", Map.of("units", List.of(unit)),
                                "delivery", Map.of("type", "WEBHOOK", "url", webhook.url("/fanout-" + run))));
                if (created.status() != 201) throw new IllegalStateException("webhook subscription: " + created.body());
                hookSubscriptions.add(new String[]{created.body().path("id").asString(), subscriber});
            }
            publishAndTime(matching, hooks);
        } finally {
            for (String[] s : hookSubscriptions) {
                http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, s[1])).delete(notification + "/api/subscriptions/" + s[0]);
            }
        }
    }

    /**
     * Inbox subscriptions number 0 to {@code count - 1}, 1,000 per subscriber {@code fanout-<i / 1000>} (with another
     * share than 1 %, {@code fanout-p<P>-<i / 1000>}); the first {@code matching} of all, spread evenly (every
     * hundredth at 1 %), filter on the unit the article comes from.
     */
    private int ensureInboxSubscriptions(int count, int matching) throws Exception {
        String url = settings.baseUrl(HeraldService.NOTIFICATION) + "/api/subscriptions";
        AtomicInteger made = new AtomicInteger();
        int subscribers = (count + PER_SUBSCRIBER - 1) / PER_SUBSCRIBER;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < subscribers; s++) {
                int subscriber = s;
                work.add(pool.submit(() -> {
                    String name = subscriberOf(subscriber * PER_SUBSCRIBER);
                    HttpJson as = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, name));
                    HttpJson.Response listed = as.get(url + "?size=1");
                    if (listed.status() != 200) throw new IllegalStateException("subscriptions of " + name + ": " + listed.body());
                    long have = listed.body().path("total").asLong();
                    int first = subscriber * PER_SUBSCRIBER, end = Math.min(count, first + PER_SUBSCRIBER);
                    // each subscriber's subscriptions are made in order, so what it has is the first `have` of its share
                    for (int i = (int) (first + have); i < end; i++) {
                        HttpJson.Response created = as.post(url, Map.of("filter", Map.of("units", List.of(matches(i, matching) ? unit : OTHER_UNIT)),
                                "delivery", Map.of("type", "INBOX")));
                        if (created.status() != 201) throw new IllegalStateException("subscription " + i + ": " + created.body());
                        if (made.incrementAndGet() % 10_000 == 0) out.printf("fan-out: %,d subscriptions made%n", made.get());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        }
        return made.get();
    }

    private String subscriberOf(int subscription) {
        return (percent == 1 ? "fanout-" : "fanout-p" + percent + "-") + subscription / PER_SUBSCRIBER;
    }

    /** P of every hundred match: the (i·P/100 rounded up)-th at i, while fewer than {@code matching} have. */
    private boolean matches(int i, int matching) {
        return (long) i * percent % 100 < percent && ((long) i * percent + 99) / 100 < matching;
    }

    /** One report of the unit, approved; then the counters polled until every notice is stored and every message queued. */
    private void publishAndTime(int matching, int hooks) throws Exception {
        String ingest = settings.baseUrl(HeraldService.INGEST), moderation = settings.baseUrl(HeraldService.MODERATION);
        HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, unit));
        HttpJson asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
        HttpJson asAdmin = http.as(LocalAccounts.token(settings, Role.ADMIN, null));
        String metrics = settings.baseUrl(HeraldService.NOTIFICATION) + "/actuator/prometheus";
        HttpJson.Response receipt = asUnit.post(ingest + "/api/reports",
                PipelineBench.body(new ReportGenerator(System.currentTimeMillis()).next()), Map.of());
        if (receipt.status() != 202) throw new IllegalStateException("submission: " + receipt.body());
        String id = receipt.body().path("id").asString();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (asModerator.get(moderation + "/api/reviews/" + id).status() != 200) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the review of " + id + " never opened");
            Thread.sleep(100);
        }
        String before = asAdmin.get(metrics).body().asString();
        double inbox0 = counter(before, "inbox"), webhook0 = counter(before, "webhook");
        BucketHistogram notified0 = BucketHistogram.parse(before, "herald_pipeline_decision_to_notified_seconds", l -> true);
        long approved = System.nanoTime();
        if (asModerator.post(moderation + "/api/reviews/" + id + "/approve", Map.of()).status() != 200) {
            throw new IllegalStateException("approval of " + id + " refused");
        }
        double storedAfter = Double.NaN, queuedAfter = Double.NaN;
        String now = before;
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while ((Double.isNaN(storedAfter) || Double.isNaN(queuedAfter)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = asAdmin.get(metrics).body().asString();
            double seconds = (System.nanoTime() - approved) / 1e9;
            if (Double.isNaN(storedAfter) && counter(now, "inbox") - inbox0 >= matching) storedAfter = seconds;
            if (Double.isNaN(queuedAfter) && counter(now, "webhook") - webhook0 >= hooks) queuedAfter = seconds;
        }
        BucketHistogram notified = BucketHistogram.parse(now, "herald_pipeline_decision_to_notified_seconds", l -> true).minus(notified0);
        out.printf("""

                Fan-out of one article to %,d matching subscriptions (%,d inbox, %,d webhook):

                | measure | seconds |
                | --- | ---: |
                | approval answered → every notice stored (inbox created counter, polled every 100 ms) | %s |
                | approval answered → every webhook message queued (webhook created counter) | %s |
                | publication → last notice made (decision-to-notified, one sample, bucket upper bound) | %.2f |
                """, matching, matching - hooks, hooks, seconds(storedAfter), seconds(queuedAfter), notified.maxBound());
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "not within 10 min" : String.format("%.2f", s);
    }

    /** {@code herald_notifications_total{channel=…, outcome="created"}}, summed over series. */
    static double counter(String exposition, String channel) {
        return exposition.lines().filter(l -> l.startsWith("herald_notifications_total{") && l.contains("channel=\"" + channel + "\"")
                        && l.contains("outcome=\"created\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
