package dev.herald.support.consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.events.ArticleRejected;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentConsumerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2026-11-20T03:00:02Z");
    private final MongoTemplate mongo =
            new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()), "guard-" + UUID.randomUUID());
    private final IdempotentConsumer once = new IdempotentConsumer(mongo, meters, Clock.fixed(now, ZoneOffset.UTC));
    private final ArticleRejected event = new ArticleRejected(UUID.randomUUID(), now.minusSeconds(2), "a1", "单位", "理由", "m", "OTHER");

    @Test
    void runsTheHandlerOnceAndSkipsRedeliveries() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(once.handleOnce("test.consumer", event, runs::incrementAndGet)).isTrue();
        assertThat(once.handleOnce("test.consumer", event, runs::incrementAndGet)).isFalse();

        assertThat(runs).hasValue(1);
        assertThat(meters.counter("herald.events.consumed", "consumer", "test.consumer", "outcome", "processed").count()).isEqualTo(1);
        assertThat(meters.counter("herald.events.consumed", "consumer", "test.consumer", "outcome", "duplicate").count()).isEqualTo(1);
    }

    @Test
    void eachConsumerKeepsItsOwnRecord() {
        AtomicInteger runs = new AtomicInteger();

        once.handleOnce("first", event, runs::incrementAndGet);
        once.handleOnce("second", event, runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailingHandlersErrorReachesTheBinderAndLeavesNoRecordSoTheRetryRunsIt() {
        AtomicInteger runs = new AtomicInteger();

        // the binder retries, pauses or dead-letters only what it sees fail; a swallowed error would commit the offset
        assertThatThrownBy(() -> once.handleOnce("flaky", event, () -> {
            throw new IllegalStateException("store briefly unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store briefly unavailable");

        assertThat(mongo.count(new Query(), IdempotentConsumer.COLLECTION)).isZero();
        assertThat(meters.counter("herald.events.consumed", "consumer", "flaky", "outcome", "processed").count()).isZero();
        assertThat(once.handleOnce("flaky", event, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void recordsHowLongAfterItsOccurrenceTheEventTookEffect() {
        once.handleOnce("lagging", event, () -> { });

        var lag = meters.timer("herald.events.lag", "consumer", "lagging");
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(Duration.ofSeconds(2).toMillis());
    }

    @Test
    void anEventCostsTheFileStoreOnlyTheHandlersOwnCommitTheRecordJoinsTheNextOne(@TempDir Path dir) {
        // no housekeeping pass during the test: its commits would be counted too
        StoreSettings quiet = StoreSettings.defaults().withCompaction(Duration.ofHours(1), Duration.ofMillis(50));
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false, quiet);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoTemplate files = new MongoTemplate(client, "guard");
            files.insert(new org.bson.Document("_id", "warm"), "reviews");
            long commits = store.commits();

            once(files).handleOnce("c", event, () -> files.insert(new org.bson.Document("_id", "a1"), "reviews"));

            assertThat(store.commits() - commits).as("commits for one event").isEqualTo(1);
            assertThat(once(files).handleOnce("c", event, () -> { })).as("the record guards all the same").isFalse();
        }
    }

    private IdempotentConsumer once(MongoTemplate files) {
        return new IdempotentConsumer(files, meters, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void onTheFileStoreAProcessedRecordExpiresAMonthAfterItWasWrittenAsOnMongoDb(@TempDir Path dir) {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoTemplate files = new MongoTemplate(client, "guard");
            // what spring.data.mongodb.auto-index-creation does at a service's start
            new MongoPersistentEntityIndexResolver(files.getConverter().getMappingContext())
                    .resolveIndexFor(IdempotentConsumer.ProcessedEvent.class)
                    .forEach(index -> files.indexOps(IdempotentConsumer.ProcessedEvent.class).createIndex(index));
            ArticleRejected older = new ArticleRejected(UUID.randomUUID(), now.minus(Duration.ofDays(31)), "a0", "单位", "理由", "m", "OTHER");
            new IdempotentConsumer(files, meters, Clock.fixed(older.when(), ZoneOffset.UTC)).handleOnce("c", older, () -> { });
            IdempotentConsumer current = new IdempotentConsumer(files, meters, Clock.fixed(now, ZoneOffset.UTC));
            current.handleOnce("c", event, () -> { });

            int expired = store.indexedBackend().expire(now);

            assertThat(expired).isEqualTo(1);
            assertThat(files.findAll(IdempotentConsumer.ProcessedEvent.class, IdempotentConsumer.COLLECTION))
                    .extracting(IdempotentConsumer.ProcessedEvent::eventId).containsExactly(event.eventId().toString());
            assertThat(current.handleOnce("c", event, () -> { })).as("a record within its month still guards").isFalse();
        }
    }
}
