package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryLatency;
import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.Notice;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.notification.NotificationServiceApplication;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.notification.subscription.CreateSubscriptionRequest;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.MatchedBy;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Delivery rate of webhooks to a local receiver, end to end through the real service: the channel stores
 * each message, the dispatcher claims, signs and POSTs it, and records the answer. Not a test: run it with
 * {@code ./herald webhook-bench [--messages=5000] [--concurrency=8] [--endpoints=10]}.
 * <p>
 * After a warm-up round, two rounds of {@code messages} each, over {@code endpoints} subscriptions on one
 * loopback receiver that checks every signature: <b>backlog</b> stores them all with the dispatcher stopped, then starts it and
 * times the drain (the rate after an outage, or a restart); <b>live</b> hands them to the channel one after
 * another while the dispatcher runs, the way the notifier does, and times from the first hand-over to the
 * last delivery recorded.
 */
public final class WebhookDeliveryBench {

    private WebhookDeliveryBench() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(options(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the embedded broker's threads would keep the JVM up
        System.exit(status);
    }

    private static void run(Map<String, String> options) throws Exception {
        int messages = Integer.parseInt(options.getOrDefault("messages", "5000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int endpoints = Integer.parseInt(options.getOrDefault("endpoints", "10"));

        try (WebhookReceiver receiver = WebhookReceiver.start();
             ConfigurableApplicationContext service = start(concurrency)) {
            receiver.countOnly();
            List<Subscription> subscriptions = subscriptions(service, receiver, endpoints);
            WebhookChannel channel = service.getBean(WebhookChannel.class);
            WebhookDispatcher dispatcher = service.getBean(WebhookDispatcher.class);
            MongoTemplate mongo = service.getBean(MongoTemplate.class);

            System.out.printf("webhook delivery: %d messages per round, %d endpoints on one loopback receiver, concurrency %d%n",
                    messages, endpoints, concurrency);

            // a round the JIT compiler may spend on; nothing measured
            int warmUp = Math.max(200, messages / 5);
            handOver(channel, subscriptions, warmUp, "warm-up");
            awaitDelivered(mongo, receiver::acceptedIds, warmUp);
            mongo.dropCollection(WebhookMessage.class);
            int seen = receiver.acceptedIds();

            dispatcher.stop();
            long storeStart = System.nanoTime();
            handOver(channel, subscriptions, messages, "backlog");
            double storeSeconds = seconds(storeStart);
            long drainStart = System.nanoTime();
            dispatcher.start();
            awaitDelivered(mongo, () -> receiver.acceptedIds() - seen, messages);
            double drainSeconds = seconds(drainStart);
            report("backlog", messages, drainSeconds, String.format("(storing them took %.1f s, %.0f /s)",
                    storeSeconds, messages / storeSeconds));

            // the first round's messages are done with; the embedded store would scan them on every look for due ones
            mongo.dropCollection(WebhookMessage.class);
            Timer latency = service.getBean(MeterRegistry.class).get(DeliveryLatency.METER).tag("channel", "webhook").timer();
            long before = latency.count();
            double meanBefore = latency.totalTime(TimeUnit.MILLISECONDS);
            long liveStart = System.nanoTime();
            handOver(channel, subscriptions, messages, "live");
            awaitDelivered(mongo, () -> receiver.acceptedIds() - seen - messages, messages);
            double liveSeconds = seconds(liveStart);
            report("live", messages, liveSeconds, String.format("(publication to delivery: mean %.0f ms)",
                    (latency.totalTime(TimeUnit.MILLISECONDS) - meanBefore) / Math.max(1, latency.count() - before)));

            System.out.printf("receiver: %d calls, %d distinct messages accepted, %d bad signatures%n",
                    receiver.callCount(), receiver.acceptedIds(), receiver.badSignatures());
        }
    }

    private static ConfigurableApplicationContext start(int concurrency) {
        // as arguments, so they win over application.yml and the shared defaults
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--spring.mongodb.database=herald-webhook-bench-" + UUID.randomUUID(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--herald.notification.webhook.allow-loopback=true",
                "--herald.notification.webhook.concurrency=" + concurrency);
    }

    private static List<Subscription> subscriptions(ConfigurableApplicationContext service, WebhookReceiver receiver, int endpoints) {
        SubscriptionService subscriptions = service.getBean(SubscriptionService.class);
        List<Subscription> made = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            String path = "/bench/" + i;
            Subscription s = subscriptions.create("bench-reader-" + i, new CreateSubscriptionRequest(
                    new CreateSubscriptionRequest.FilterRequest(null, List.of("基准单位-" + i), null, null),
                    new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.WEBHOOK, receiver.url(path), null), null));
            receiver.expectSecret(path, s.delivery().secret());
            made.add(s);
        }
        return made;
    }

    private static void handOver(WebhookChannel channel, List<Subscription> subscriptions, int messages, String round) {
        for (int i = 0; i < messages; i++) {
            Subscription subscription = subscriptions.get(i % subscriptions.size());
            String id = "ntf-" + round + "-" + i;
            channel.deliver(subscription, List.of(new Notice(id, "rpt-" + round + "-" + i, "基准测试通知 " + i,
                    "基准单位", "党建动态", Instant.now(), "正文摘要", new MatchedBy(null, "基准单位", null))), id);
        }
    }

    /** Until the receiver has accepted every message and the store has recorded every delivery. */
    private static void awaitDelivered(MongoTemplate mongo, IntSupplier accepted, int messages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (accepted.getAsInt() < messages || mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("status").is(DeliveryStatus.DELIVERED)),
                WebhookMessage.class) < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all delivered within 10 minutes: " + accepted.getAsInt());
            }
            Thread.sleep(20);
        }
    }

    private static void report(String round, int messages, double seconds, String note) {
        System.out.printf("%-8s %6d messages in %6.2f s = %6.0f messages/s %s%n", round, messages, seconds, messages / seconds, note);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("usage: webhook-bench [--messages=5000] [--concurrency=8] [--endpoints=10]");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
