package dev.herald.support.deadletter;

import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaExtendedBindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's consumer bindings that dead-letter, read from the same settings the binder reads
 * ({@code spring.cloud.stream.bindings.*} and the Kafka binder's {@code enable-dlq} / {@code dlq-name}),
 * so a new binding with a dead-letter topic is covered without naming it twice.
 */
public final class DeadLetterSources {

    private static final Pattern INPUT_BINDING = Pattern.compile("(.+)-in-\\d+");

    private final List<DeadLetterSource> sources;

    DeadLetterSources(List<DeadLetterSource> sources) {
        this.sources = List.copyOf(sources);
    }

    static DeadLetterSources of(BindingServiceProperties bindings, KafkaExtendedBindingProperties kafka) {
        List<DeadLetterSource> found = new ArrayList<>();
        bindings.getBindings().forEach((name, binding) -> {
            Matcher input = INPUT_BINDING.matcher(name);
            String group = binding.getGroup();
            if (!input.matches() || group == null || binding.getDestination() == null) {
                return;
            }
            KafkaConsumerProperties consumer = kafka.getExtendedConsumerProperties(name);
            if (!consumer.isEnableDlq()) {
                return;
            }
            for (String topic : binding.getDestination().split(",")) {
                String destination = topic.strip();
                // the binder's own default when no dlq-name is given
                String dlq = consumer.getDlqName() == null ? "error." + destination + "." + group : consumer.getDlqName();
                found.add(new DeadLetterSource(name, input.group(1), destination, group, dlq));
            }
        });
        return new DeadLetterSources(found);
    }

    public List<DeadLetterSource> all() {
        return sources;
    }

    public List<String> dlqTopics() {
        return sources.stream().map(DeadLetterSource::dlqTopic).distinct().toList();
    }

    public List<String> topics() {
        return sources.stream().map(DeadLetterSource::topic).distinct().toList();
    }

    public Optional<DeadLetterSource> byDlqTopic(String dlqTopic) {
        return sources.stream().filter(s -> s.dlqTopic().equals(dlqTopic)).findFirst();
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }
}
