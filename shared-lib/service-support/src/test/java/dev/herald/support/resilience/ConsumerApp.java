package dev.herald.support.resilience;

import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A service with one consumer, as the real ones are built: decode, run once, write to its store. A rejection
 * whose reason is {@link #POISON} fails every time; the one for {@link Gate#articleId} waits at the gate,
 * so a test can take the store away while an event is in hand.
 */
@SpringBootApplication
class ConsumerApp {

    static final String POISON = "毒";
    static final String COLLECTION = "rejections";

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    Revocations revocations() {
        return new Revocations();
    }

    @Bean
    Map<String, AtomicInteger> attempts() {
        return new ConcurrentHashMap<>();
    }

    @Bean
    Consumer<Message<byte[]>> rejected(EventHandlers handlers, MongoTemplate mongo, Gate gate, Map<String, AtomicInteger> attempts,
                                       dev.herald.support.tracing.TraceContexts traces) {
        return handlers.once("test.article-rejected", HeraldEvents.ARTICLE_REJECTED, (ArticleRejected event) -> {
            attempts.computeIfAbsent(event.articleId(), id -> new AtomicInteger()).incrementAndGet();
            gate.pass(event.articleId());
            if (POISON.equals(event.reason())) {
                throw new IllegalStateException("this rejection can never be handled");
            }
            mongo.getCollection(COLLECTION).replaceOne(new Document("_id", event.articleId()),
                    new Document("_id", event.articleId()).append("reason", event.reason()).append("traceparent", traces.current()),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        });
    }

    /** Counts how often the consumer lost its partitions, as it would if it were thrown out of its group. */
    static class Revocations implements KafkaBindingRebalanceListener {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                         Collection<TopicPartition> partitions, boolean initial) {
            if (!initial) {
                count.incrementAndGet();
            }
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                    Collection<TopicPartition> partitions) {
            count.incrementAndGet();
        }
    }

    /** Holds the consumer on one article's event until the test lets it go. */
    static class Gate {

        volatile String articleId;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        void pass(String id) {
            if (id.equals(articleId) && reached.getCount() > 0) {
                reached.countDown();
                try {
                    opened.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
