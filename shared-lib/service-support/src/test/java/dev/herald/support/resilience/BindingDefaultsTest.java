package dev.herald.support.resilience;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.support.deadletter.DeadLetterSources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A binding that states only its destination, group and dead-letter topic, as every service's bindings do,
 * gets the platform's retries and dead-lettering from the shared defaults.
 */
@SpringBootTest(classes = ConsumerApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=binding-defaults",
        "spring.cloud.function.definition=rejected",
        "spring.cloud.stream.bindings.rejected-in-0.destination=" + BindingDefaultsTest.TOPIC,
        "spring.cloud.stream.bindings.rejected-in-0.group=binding-defaults",
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.dlq-name=" + BindingDefaultsTest.DLQ})
@UsesEmbeddedInfrastructure
class BindingDefaultsTest {

    static final String TOPIC = "binding-defaults.article-rejected";
    static final String DLQ = TOPIC + ".dlq";

    private final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    BindingServiceProperties bindings;
    @Autowired
    DeadLetterSources deadLetterSources;
    @Autowired
    Map<String, AtomicInteger> attempts;

    @Test
    void aConsumerTriesFourTimesHalfASecondApartDoublingUpToFiveSeconds() {
        var consumer = bindings.getConsumerProperties("rejected-in-0");

        assertThat(consumer.getMaxAttempts()).isEqualTo(4);
        assertThat(consumer.getBackOffInitialInterval()).isEqualTo(500);
        assertThat(consumer.getBackOffMultiplier()).isEqualTo(2.0);
        assertThat(consumer.getBackOffMaxInterval()).isEqualTo(5000);
    }

    @Test
    void aPoisonEventEndsInTheNamedDeadLetterTopicOnAsManyPartitionsAsItsTopic() {
        String poison = "rpt-" + UUID.randomUUID();
        Events.publish(TOPIC, poison, Events.rejection(poison, ConsumerApp.POISON));

        ConsumerRecord<String, String> dead = kafka.awaitRecords(DLQ,
                        seen -> seen.stream().anyMatch(r -> poison.equals(r.key())), Duration.ofSeconds(60))
                .stream().filter(r -> poison.equals(r.key())).findFirst().orElseThrow();

        assertThat(attempts.get(poison)).hasValue(4);
        assertThat(KafkaTestClient.header(dead, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(Events.partitions(DLQ)).isEqualTo(Events.partitions(TOPIC)).isEqualTo(3);
    }

    @Test
    void itsDeadLettersAreRecordedForAdministrators() {
        assertThat(deadLetterSources.dlqTopics()).containsExactly(DLQ);
    }
}
