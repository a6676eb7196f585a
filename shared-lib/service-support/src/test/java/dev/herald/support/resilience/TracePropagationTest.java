package dev.herald.support.resilience;

import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.outbox.OutboxProperties;
import dev.herald.support.outbox.OutboxRelay;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's trace crosses Kafka with the real binder: the relay's record carries the trace its outbox entry
 * was written in, and a consumer handles a record as part of the trace the record carries.
 */
@RejectingConsumerContext
class TracePropagationTest {

    private static final String RELAYED = "trace-propagation.relayed";

    private final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    StreamBridge bridge;
    @Autowired
    TraceContexts traces;

    @Test
    void theRelaysRecordCarriesTheTraceItsEventWasWrittenIn() {
        String traceId = hex(16);
        String writtenIn = "00-" + traceId + "-" + hex(8) + "-01";
        String id = "rpt-" + UUID.randomUUID();
        mongo.getCollection("traced").insertOne(new Document("_id", id).append("outbox", List.of(new Document("eventId", UUID.randomUUID().toString())
                .append("type", HeraldEvents.ARTICLE_REJECTED.type()).append("topic", RELAYED).append("key", id)
                .append("payload", Events.rejection(id, "稿件重复")).append("when", new Date()).append("traceparent", writtenIn))));
        OutboxRelay relay = new OutboxRelay(mongo, bridge::send, new OutboxProperties(List.of("traced"), Duration.ofMillis(100),
                Duration.ofSeconds(5), "urn:herald:test", null, null, 0, 0), new SimpleMeterRegistry(), Clock.systemUTC(), traces);

        assertThat(relay.relayPending()).isEqualTo(1);

        ConsumerRecord<String, String> record = kafka.awaitRecords(RELAYED, seen -> seen.stream().anyMatch(r -> id.equals(r.key())),
                Duration.ofSeconds(60)).stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        // the same trace, a later span of it: the relay's, then the producer's
        assertThat(KafkaTestClient.header(record, TraceContexts.TRACEPARENT)).startsWith("00-" + traceId + "-").isNotEqualTo(writtenIn);
    }

    @Test
    void aConsumerHandlesARecordInTheTraceTheRecordCarries() {
        String traceId = hex(16);
        String sentIn = "00-" + traceId + "-" + hex(8) + "-01";
        String id = "rpt-" + UUID.randomUUID();

        kafka.publish(DeadLetteringTest.TOPIC, id, Events.rejection(id, "稿件重复"),
                Map.of("ce_type", HeraldEvents.ARTICLE_REJECTED.type(), TraceContexts.TRACEPARENT, sentIn));

        Document handled = awaitHandled(id);
        assertThat(handled.getString("traceparent")).startsWith("00-" + traceId + "-").isNotEqualTo(sentIn);
    }

    private Document awaitHandled(String articleId) {
        var collection = mongo.getCollection(ConsumerApp.COLLECTION);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Document found;
        while ((found = collection.find(new Document("_id", articleId)).first()) == null) {
            assertThat(System.nanoTime()).as(articleId + " was never handled").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as no trace
        return HexFormat.of().formatHex(random);
    }
}
