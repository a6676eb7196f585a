package dev.herald.support.resilience;

import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes rejections the way a moderation service would, and looks into topics the way an operator would. */
final class Events {

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), 1 << 20);

    private Events() {
    }

    static String rejection(String articleId, String reason) {
        return CODEC.encode(new ArticleRejected(UUID.randomUUID(), Instant.now(), articleId, "某单位", reason, "m", "OTHER"));
    }

    static void publish(String topic, String key, String json) {
        TestInfrastructure.kafkaClient().publish(topic, key, json, Map.of("ce_type", HeraldEvents.ARTICLE_REJECTED.type()));
    }

    /** How many records a topic holds in all, whoever has or has not read them. */
    static long size(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            var begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    static int partitions(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }
}
