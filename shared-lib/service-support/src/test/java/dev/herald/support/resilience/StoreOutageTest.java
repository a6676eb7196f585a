package dev.herald.support.resilience;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.health.MongoPingHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer whose store goes away mid-stream waits for it, however long, and then handles every event:
 * nothing is dead-lettered for the store's absence. The store is one of its own, on disk, so that it can
 * be stopped and started again on the same port with what it had.
 */
@SpringBootTest(classes = ConsumerApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=store-outage",
        "spring.mongodb.database=store-outage",
        "spring.cloud.function.definition=rejected",
        "spring.cloud.stream.bindings.rejected-in-0.destination=" + StoreOutageTest.TOPIC,
        "spring.cloud.stream.bindings.rejected-in-0.group=store-outage",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.max-attempts=2",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.back-off-max-interval=100",
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.dlq-name=" + StoreOutageTest.DLQ,
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.dlq-partitions=3",
        // each wait between attempts is longer than the consumer may go without polling: it must keep polling meanwhile
        "spring.cloud.stream.kafka.binder.consumer-properties.max.poll.interval.ms=3000",
        "herald.resilience.retry.initial-back-off=4s",
        "herald.resilience.retry.max-back-off=4s",
        "herald.resilience.store.server-selection-timeout=500ms"})
class StoreOutageTest {

    static final String TOPIC = "store-outage.article-rejected";
    static final String DLQ = TOPIC + ".dlq";

    private static final int PORT = Ports.free();
    private static final Path DATA = tempDir();
    private static EmbeddedMongo store = EmbeddedMongo.onDisk(DATA, PORT);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> store.connectionString());
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ConsumerApp.Gate gate;
    @Autowired
    MongoPingHealthIndicator storeHealth;
    @Autowired
    ConsumerApp.Revocations revocations;

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void everyEventIsHandledOnceTheStoreIsBackAndNothingIsDeadLettered() throws InterruptedException {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            articles.add("rpt-" + UUID.randomUUID());
        }
        gate.articleId = articles.get(10);
        articles.subList(0, 20).forEach(id -> Events.publish(TOPIC, id, Events.rejection(id, "稿件重复")));
        gate.reached.await();

        int rebalancesBefore = revocations.count.get();
        store.close();
        gate.opened.countDown();
        articles.subList(20, 30).forEach(id -> Events.publish(TOPIC, id, Events.rejection(id, "稿件重复")));
        await("several attempts to fail for the store's absence", () -> failedAttempts("true") >= 3);
        assertThat(storeHealth.health().getStatus()).isEqualTo(Status.DOWN);

        store = EmbeddedMongo.onDisk(DATA, PORT);
        await("every event to be handled", () -> handled(articles) == articles.size());

        assertThat(storeHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(Events.size(DLQ)).isZero();
        assertThat(revocations.count).as("the consumer kept its partitions throughout").hasValue(rebalancesBefore);
        assertThat(Search.in(meters).name("herald.events.given-up").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void storeWritesAreAcknowledgedByAMajorityWithJournalingByDefault() {
        assertThat(mongo.getDb().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    private long handled(List<String> articles) {
        try (var client = MongoClients.create(store.connectionString())) {
            return client.getDatabase("store-outage").getCollection(ConsumerApp.COLLECTION)
                    .countDocuments(new org.bson.Document("_id", new org.bson.Document("$in", articles)));
        }
    }

    private double failedAttempts(String transientFailure) {
        return Search.in(meters).name("herald.events.failed-attempts").tag("transient", transientFailure)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long for " + what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("herald-store-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
