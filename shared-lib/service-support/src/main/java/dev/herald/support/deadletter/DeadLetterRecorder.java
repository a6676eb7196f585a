package dev.herald.support.deadletter;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the service's dead-letter topics in a group of its own and keeps each record in the
 * {@code dead_letters} collection before its offset is committed. A record that cannot be stored (the
 * store is down) is tried again until it can: a dead letter is the last copy of an event and is never
 * skipped.
 */
class DeadLetterRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final ConcurrentMessageListenerContainer<byte[], byte[]> container;
    private final DeadLetterSources sources;
    private final DeadLetterStore store;
    private final DeadLetterDepth depth;
    private final Clock clock;

    DeadLetterRecorder(Map<String, Object> kafka, String group, DeadLetterSources sources, DeadLetterStore store,
                       DeadLetterDepth depth, DeadLetterProperties properties, Clock clock) {
        this.sources = sources;
        this.store = store;
        this.depth = depth;
        this.clock = clock;
        this.container = sources.isEmpty() ? null : container(kafka, group, properties);
    }

    private ConcurrentMessageListenerContainer<byte[], byte[]> container(Map<String, Object> kafka, String group,
                                                                         DeadLetterProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new group starts from the oldest dead letter the topic still holds: none is skipped
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the binder creates the dead-letter topics with their partition count; a subscription must not create them first
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        var factory = new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ContainerProperties container = new ContainerProperties(sources.dlqTopics().toArray(String[]::new));
        container.setGroupId(group);
        container.setClientId(group);
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener((MessageListener<byte[], byte[]>) this::onRecord);
        var listener = new ConcurrentMessageListenerContainer<>(factory, container);
        listener.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(properties.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        listener.setBeanName("herald-dead-letters");
        return listener;
    }

    private void onRecord(ConsumerRecord<byte[], byte[]> record) {
        DeadLetterSource source = sources.byDlqTopic(record.topic()).orElseThrow();
        DeadLetter letter = DeadLetterRecords.read(record, source, clock.instant());
        if (store.record(letter)) {
            log.warn("Dead letter {}: {} failed {} (key {}): {}", letter.id(), letter.consumer(), letter.topic(),
                    letter.key(), letter.reason().rootCause());
            depth.recount();
        }
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** After the binder's input bindings (which create the dead-letter topics), and stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
