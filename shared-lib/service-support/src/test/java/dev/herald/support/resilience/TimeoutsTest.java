package dev.herald.support.resilience;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.Ports;
import dev.herald.infra.embedded.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients give up on absent infrastructure after the configured waits, with failures the consumers retry. */
class TimeoutsTest {

    private final ResilienceProperties defaults = new ResilienceProperties(null, null, null);

    @Test
    void theStoreClientWaitsForAServerOnlyAsLongAsConfiguredAndItsFailureIsTransient() {
        var store = new ResilienceProperties.Store(Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofSeconds(2), null, null);
        MongoClientSettings settings = settings("mongodb://127.0.0.1:" + Ports.free(), store);

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        try (var client = MongoClients.create(settings)) {
            assertThatThrownBy(() -> client.getDatabase("absent").runCommand(new Document("ping", 1)))
                    .isInstanceOf(MongoTimeoutException.class)
                    .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isTrue());
        }
    }

    @Test
    void theDefaultsAreShortAndWritesNeedAJournaledMajority() {
        MongoClientSettings settings = settings("mongodb://127.0.0.1:27017", defaults.store());

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    @Test
    void aNumericWriteConcernCanReplaceTheMajority() {
        var store = new ResilienceProperties.Store(null, null, null, "1", false);

        assertThat(settings("mongodb://127.0.0.1:27017", store).getWriteConcern()).isEqualTo(WriteConcern.W1.withJournal(false));
    }

    @Test
    void theEmbeddedStoreAcceptsJournaledMajorityWrites() {
        MongoClientSettings settings = settings(TestInfrastructure.mongo().connectionString(), defaults.store());
        try (var client = MongoClients.create(settings)) {
            var collection = client.getDatabase("write-concern-" + UUID.randomUUID()).getCollection("things");

            collection.insertOne(new Document("_id", "a").append("n", 1));
            collection.updateOne(new Document("_id", "a"), new Document("$inc", new Document("n", 1)));

            assertThat(collection.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
            assertThat(collection.find().first()).containsEntry("n", 2);
        }
    }

    @Test
    void aSendToAnAbsentBrokerFailsAfterTheConfiguredBlockWithARetriableTimeout() {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.free()));
        new BrokerTimeouts(new ResilienceProperties.Broker(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .configure(config, "article-submitted", "article-submitted");

        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300L)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("article-submitted", new byte[]{1})).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TimeoutException.class)
                    .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isTrue());
        }
    }

    @Test
    void theDefaultBrokerTimeoutsMakeAValidProducer() {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
        new BrokerTimeouts(defaults.broker()).configure(config, null, null);

        // the client refuses a delivery timeout shorter than request timeout plus linger at construction
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThat(producer.metrics()).isNotEmpty();
        }
    }

    private static MongoClientSettings settings(String uri, ResilienceProperties.Store store) {
        var builder = MongoClientSettings.builder().applyConnectionString(new com.mongodb.ConnectionString(uri));
        new StoreSettings(store).customize(builder);
        return builder.build();
    }
}
