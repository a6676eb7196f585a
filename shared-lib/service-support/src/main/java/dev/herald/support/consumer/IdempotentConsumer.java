package dev.herald.support.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import dev.herald.events.HeraldEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
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
    private final Clock clock;

    public IdempotentConsumer(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    /** Returns true when the handler ran, false when the event had been processed before. */
    public boolean handleOnce(String consumer, HeraldEvent event, Runnable handler) {
        String key = consumer + ":" + event.eventId();
        if (mongo.exists(Query.query(Criteria.where("_id").is(key)), ProcessedEvent.class)) {
            count(consumer, "duplicate");
            return false;
        }
        handler.run();
        if (!remember(new ProcessedEvent(key, consumer, event.eventId().toString(), clock.instant()))) {
            count(consumer, "duplicate");
            return false;
        }
        count(consumer, "processed");
        lag(consumer).record(Duration.between(event.when(), clock.instant()));
        return true;
    }

    /**
     * Written without waiting for the journal (MongoDB's {@code j: false}; the embedded store makes it part of its
     * next commit): losing the record to a crash leaves what a crash between the handler and this insert always
     * could, a handler run again on redelivery, which handlers are written for. Waiting for the device here cost
     * every consumer a second synced write per event.
     */
    private boolean remember(ProcessedEvent record) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(record, document);
        try {
            mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // a concurrent delivery of the same event got there first
            }
            throw e;
        }
    }

    /** How long after it happened an event took effect here: outbox, broker and this consumer together. */
    private Timer lag(String consumer) {
        return Timer.builder("herald.events.lag").tag("consumer", consumer)
                .description("Time from an event's occurrence to its first processing by this consumer")
                // buckets rather than client-side percentiles: they aggregate across instances and time windows
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters);
    }

    private void count(String consumer, String outcome) {
        meters.counter("herald.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }

    /**
     * Kept a month, far beyond the broker's retention (a week by default), after which no redelivery can
     * arrive; MongoDB's TTL monitor removes older records, and the embedded file store's TTL pass does the same once a minute.
     */
    @Document(COLLECTION)
    record ProcessedEvent(@Id String id, String consumer, String eventId,
                          @Indexed(expireAfter = "30d") Instant processedAt) {
    }
}
