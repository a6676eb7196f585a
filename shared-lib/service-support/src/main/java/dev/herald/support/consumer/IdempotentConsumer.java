package dev.herald.support.consumer;

import dev.herald.events.HeraldEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * Runs a handler at most once per event and consumer, remembered in the service's own
 * {@code processed_events} collection. The record is written after the handler succeeds: a crash in
 * between re-runs the handler on redelivery, which is why handlers themselves write idempotently
 * (upsert by key, insert-if-absent); this guard spares them the repeated work and side effects.
 */
public class IdempotentConsumer {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    public IdempotentConsumer(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Returns true when the handler ran, false when the event had been processed before. */
    public boolean handleOnce(String consumer, HeraldEvent event, Runnable handler) {
        String key = consumer + ":" + event.eventId();
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), ProcessedEvent.class)) {
            count(consumer, "duplicate");
            return false;
        }
        handler.run();
        try {
            mongo.insert(new ProcessedEvent(key, consumer, event.eventId().toString(), Instant.now()));
        } catch (DuplicateKeyException concurrentDelivery) {
            count(consumer, "duplicate");
            return false;
        }
        count(consumer, "processed");
        return true;
    }

    private void count(String consumer, String outcome) {
        meters.counter("herald.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }

    @Document(COLLECTION)
    record ProcessedEvent(@Id String id, String consumer, String eventId, Instant processedAt) {
    }
}
