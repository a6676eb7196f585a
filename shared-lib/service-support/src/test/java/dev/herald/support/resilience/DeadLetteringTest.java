package dev.herald.support.resilience;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.support.events.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only what can never succeed ends in the dead-letter topic, and it does not hold up what follows it. */
@RejectingConsumerContext
class DeadLetteringTest {

    static final String TOPIC = "dead-lettering.article-rejected";
    static final String DLQ = TOPIC + ".dlq";

    private final KafkaTestClient kafka = dev.herald.infra.embedded.TestInfrastructure.kafkaClient();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Map<String, AtomicInteger> attempts;

    @Test
    void aPoisonEventIsDeadLetteredAfterTheConfiguredAttemptsAndTheEventsBehindItAreHandled() {
        String poison = "rpt-" + UUID.randomUUID();
        String next = "rpt-" + UUID.randomUUID();
        // the same key puts both on one partition, the later behind the poison
        Events.publish(TOPIC, poison, Events.rejection(poison, ConsumerApp.POISON));
        Events.publish(TOPIC, poison, Events.rejection(next, "稿件重复"));

        ConsumerRecord<String, String> dead = awaitDeadLetter(poison);
        awaitHandled(next);

        assertThat(attempts.get(poison)).hasValue(3);
        assertThat(KafkaTestClient.header(dead, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClient.header(dead, "x-exception-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(KafkaTestClient.header(dead, "x-exception-message")).isEqualTo("this rejection can never be handled");
        assertThat(KafkaTestClient.header(dead, "x-exception-stacktrace")).contains("IllegalStateException");
        int originalPartition = ByteBuffer.wrap(dead.headers().lastHeader("x-original-partition").value()).getInt();
        assertThat(dead.partition()).isEqualTo(originalPartition);
        assertThat(Events.partitions(DLQ)).isEqualTo(Events.partitions(TOPIC)).isEqualTo(3);
    }

    @Test
    void anEventThatBreaksItsContractIsDeadLetteredAtOnce() {
        String broken = "rpt-" + UUID.randomUUID();
        Events.publish(TOPIC, broken, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + broken + "\"}");

        ConsumerRecord<String, String> dead = awaitDeadLetter(broken);

        assertThat(KafkaTestClient.header(dead, "x-exception-fqcn")).isEqualTo(InvalidEventException.class.getName());
        assertThat(KafkaTestClient.header(dead, "x-exception-message")).contains("is missing");
        // decoded once, refused once: no retry through the back-off
        assertThat(meters.counter("herald.events.rejected", "consumer", "test.article-rejected").count()).isEqualTo(1);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String key) {
        List<ConsumerRecord<String, String>> dead = kafka.awaitRecords(DLQ,
                seen -> seen.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60));
        return dead.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError(key + " never reached " + DLQ));
    }

    private void awaitHandled(String articleId) {
        var collection = mongo.getCollection(ConsumerApp.COLLECTION);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (collection.countDocuments(new Document("_id", articleId)) == 0) {
            assertThat(System.nanoTime()).as(articleId + " was never handled").isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
