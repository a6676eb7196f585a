package dev.herald.support.resilience;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Publishes the events that can never succeed to their binding's dead-letter topic, with the headers the
 * binder itself writes ({@code x-original-*}, {@code x-exception-*}), so readers of dead letters see the same
 * record whichever path produced it. One producer per cluster, on the connection settings of the consumer
 * whose records it dead-letters, with acknowledgement from all replicas.
 */
public class DeadLetterPublisher implements ConsumerConfigCustomizer, DisposableBean {

    /** Connection and security settings a producer can share with the consumer; client-specific ones stay out. */
    private static final Set<String> NOT_SHARED = Set.of(ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
            ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG);

    private final BrokerTimeouts timeouts;
    private final Map<String, Map<String, Object>> consumers = new ConcurrentHashMap<>();
    private final Map<Object, DefaultKafkaProducerFactory<byte[], byte[]>> producers = new ConcurrentHashMap<>();

    public DeadLetterPublisher(BrokerTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Remembers each binding's consumer settings; the binder calls this before it builds the binding's container. */
    @Override
    public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
        consumers.put(destination, new HashMap<>(consumerProperties));
    }

    DeadLetterPublishingRecoverer recoverer(String destinationName,
                                            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        Map<String, Object> consumer = consumers.get(destinationName);
        if (consumer == null) {
            throw new IllegalStateException("no consumer configuration was seen for " + destinationName);
        }
        var factory = producers.computeIfAbsent(consumer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), servers -> producer(consumer));
        var recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(factory), destination);
        recoverer.setHeaderNamesSupplier(DeadLetterPublisher::binderHeaderNames);
        recoverer.setExceptionHeadersCreator((headers, failure, isKey, names) -> {
            Throwable cause = unwrapped(failure);
            headers.add(names.getExceptionInfo().getExceptionFqcn(), utf8(cause.getClass().getName()));
            if (cause.getMessage() != null) {
                headers.add(names.getExceptionInfo().getExceptionMessage(), utf8(cause.getMessage()));
            }
            headers.add(names.getExceptionInfo().getExceptionStacktrace(), utf8(stackTrace(failure)));
        });
        return recoverer;
    }

    private DefaultKafkaProducerFactory<byte[], byte[]> producer(Map<String, Object> consumer) {
        Map<String, Object> config = new HashMap<>();
        consumer.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && !NOT_SHARED.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        timeouts.configure(config, null, null);
        return new DefaultKafkaProducerFactory<>(config);
    }

    private static HeaderNames binderHeaderNames() {
        return HeaderNames.Builder.original()
                .topicHeader(KafkaMessageChannelBinder.X_ORIGINAL_TOPIC)
                .partitionHeader(KafkaMessageChannelBinder.X_ORIGINAL_PARTITION)
                .offsetHeader(KafkaMessageChannelBinder.X_ORIGINAL_OFFSET)
                .timestampHeader(KafkaMessageChannelBinder.X_ORIGINAL_TIMESTAMP)
                .timestampTypeHeader(KafkaMessageChannelBinder.X_ORIGINAL_TIMESTAMP_TYPE)
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .exceptionFqcn(KafkaMessageChannelBinder.X_EXCEPTION_FQCN)
                .exceptionMessage(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE)
                .exceptionStacktrace(KafkaMessageChannelBinder.X_EXCEPTION_STACKTRACE)
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionFqcn("x-key-exception-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .build();
    }

    /** The handler's own exception, without the container's and the binding's wrappers around it. */
    private static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ListenerExecutionFailedException || t instanceof MessagingException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Override
    public void destroy() {
        producers.values().forEach(DefaultKafkaProducerFactory::destroy);
    }
}
