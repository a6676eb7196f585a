package dev.herald.notification.inbox;

import dev.herald.events.ArticlePublished;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.notification.NotificationServiceApplication;
import dev.herald.notification.subscription.CreateSubscriptionRequest;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.SubscriptionService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article matching many webhook subscriptions, from the notifier's start until every inbox notice is
 * stored and every webhook message queued (the dispatcher is stopped: sending is the webhook bench's).
 * The store is the embedded file store, synced as {@code ./herald up} runs it. Not a test: run its main
 * with {@code --subscriptions=10000}.
 */
public final class FanOutBench {

    private FanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = java.util.Arrays.stream(args).filter(a -> a.startsWith("--subscriptions=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--subscriptions=".length()))).orElse(10_000);
        Path dir = Files.createTempDirectory("fan-out-bench");
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free());
             WebhookReceiver receiver = WebhookReceiver.start();
             ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                     "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafka().bootstrapServers(),
                     "--spring.mongodb.uri=" + store.connectionString(),
                     "--spring.mongodb.database=herald-fan-out-bench",
                     "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                     "--herald.notification.webhook.allow-loopback=true")) {
            ((org.springframework.context.Lifecycle) service.getBean(Class.forName("dev.herald.notification.webhook.WebhookDispatcher"))).stop();
            SubscriptionService subscriptions = service.getBean(SubscriptionService.class);
            long made = System.nanoTime();
            // from eight threads, as subscribers arrive side by side: each is a synced write, which group commit shares
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> creating = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                creating.add(threads.submit(() -> {
                    subscriptions.create("fan-out-reader-" + n, new CreateSubscriptionRequest(
                            new CreateSubscriptionRequest.FilterRequest(null, List.of("扇出单位"), null, null),
                            new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.WEBHOOK, receiver.url("/fan-out/" + n), null), null));
                    if (done.incrementAndGet() % 1_000 == 0) {
                        System.out.printf("%d subscriptions made%n", done.get());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> one : creating) {
                one.get();
            }
            threads.shutdown();
            System.out.printf("%d webhook subscriptions made in %.1f s%n", count, (System.nanoTime() - made) / 1e9);
            Notifier notifier = service.getBean(Notifier.class);
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            for (String round : List.of("warm-up", "measured")) {
                long start = System.nanoTime();
                int created = notifier.notifySubscribers(article("rpt-" + round));
                double seconds = (System.nanoTime() - start) / 1e9;
                long queued = mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("notices.articleId")
                        .is("rpt-" + round)), "webhook_messages");
                // wall-clock bounds, to cut a flight recording down to one round
                System.out.printf("%s: %d notices stored, %d webhook messages queued in %.2f s (%.0f /s), ended %s%n", round, created,
                        queued, seconds, created / seconds, Instant.now());
                long again = System.nanoTime();
                int twice = notifier.notifySubscribers(article("rpt-" + round));
                System.out.printf("%s redelivered: %d new notices in %.2f s%n", round, twice, (System.nanoTime() - again) / 1e9);
            }
        }
        System.exit(0);
    }

    private static ArticlePublished article(String id) {
        Instant now = Instant.now();
        return new ArticlePublished(UUID.randomUUID(), now, id, 1, "扇出单位", "党建动态", "扇出测试文章", null,
                "正文：一篇文章匹配很多订阅。", "作者", "投稿人", null, null, List.of(), "moderator", now, List.of(), List.of(), List.of());
    }
}
