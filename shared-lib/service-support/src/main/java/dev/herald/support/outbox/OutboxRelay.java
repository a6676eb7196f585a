package dev.herald.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.herald.support.events.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what aggregates left in their {@code outbox} arrays, in order, then pulls each entry it
 * has sent. A crash between the send and the pull sends the entry again on the next pass: delivery is
 * at least once, and consumers are idempotent. The send is synchronous, so nothing is pulled that the
 * broker has not acknowledged.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The header the Kafka binder reads the record key from (its KafkaHeaders.KEY). */
    public static final String MESSAGE_KEY_HEADER = "kafka_messageKey";

    private final MongoTemplate mongo;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.published = Counter.builder("herald.outbox.published")
                .description("Events the outbox relay handed to Kafka").register(meters);
        this.failures = Counter.builder("herald.outbox.failures")
                .description("Relay passes that stopped on a failed send; the events stay pending").register(meters);
        Gauge.builder("herald.outbox.pending", pending, AtomicLong::get)
                .description("Documents holding unsent events at the last relay pass").register(meters);
    }

    /** One pass over every outbox collection; returns how many events were sent. */
    public int relayPending() {
        int sent = 0;
        long waiting = 0;
        for (String name : properties.collections()) {
            MongoCollection<Document> collection = mongo.getCollection(name);
            for (Document doc : collection.find(Filters.exists("outbox.eventId"))) {
                waiting++;
                sent += relayDocument(collection, doc);
            }
        }
        pending.set(Math.max(0, waiting));
        return sent;
    }

    private int relayDocument(MongoCollection<Document> collection, Document doc) {
        int sent = 0;
        for (Document entry : doc.getList("outbox", Document.class, List.of())) {
            String eventId = entry.getString("eventId");
            try {
                if (!sender.send(entry.getString("topic"), message(entry))) {
                    throw new IllegalStateException("binder refused event " + eventId);
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay could not send {} from {}: {}; it stays pending",
                        eventId, collection.getNamespace(), e.getMessage());
                return sent; // keep per-article order: never send a later event before an earlier one
            }
            collection.updateOne(Filters.eq("_id", doc.get("_id")),
                    Updates.pull("outbox", new Document("eventId", eventId)));
            published.increment();
            sent++;
        }
        return sent;
    }

    private Message<byte[]> message(Document entry) {
        Object when = entry.get("when");
        String time = when instanceof Date d ? d.toInstant().toString() : String.valueOf(when);
        return MessageBuilder.withPayload(entry.getString("payload").getBytes(StandardCharsets.UTF_8))
                .setHeader(MESSAGE_KEY_HEADER, entry.getString("key").getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .setHeader(CloudEventHeaders.ID, entry.getString("eventId"))
                .setHeader(CloudEventHeaders.TYPE, entry.getString("type"))
                .setHeader(CloudEventHeaders.SOURCE, properties.source())
                .setHeader(CloudEventHeaders.TIME, time)
                .setHeader(CloudEventHeaders.SUBJECT, entry.getString("key"))
                .build();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long millis = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safePass, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void safePass() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay pass failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // start after and stop before the bindings it sends through
        return Integer.MAX_VALUE - 2000;
    }
}
