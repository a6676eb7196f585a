package dev.herald.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.herald.support.events.CloudEventHeaders;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what aggregates left in their {@code outbox} arrays, in order, then pulls each entry it
 * has sent. A crash between the send and the pull sends the entry again: delivery is at least once,
 * and consumers are idempotent. The send is synchronous, so nothing is pulled that the broker has not
 * acknowledged.
 *
 * <p>Two ways lead here. A save that leaves events pending hints the relay with the document's id
 * ({@link OutboxSaveListener}), so events leave within milliseconds without scanning anything. A sweep
 * of every outbox collection, at start and then every {@code sweep-interval}, catches whatever a hint
 * missed: events left by a crash, or by another instance.
 *
 * <p>Several instances relay the same collections safely: each sends from a document only under a
 * claim on it ({@link OutboxClaims}), so no event is sent by two instances side by side and a
 * document's events leave in their order, whichever instance got the hint.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The header the Kafka binder reads the record key from (its KafkaHeaders.KEY). */
    public static final String MESSAGE_KEY_HEADER = "kafka_messageKey";

    private record Hint(String collection, Object id) {
    }

    private static final Bson PENDING = Filters.exists("outbox.eventId");

    private final MongoTemplate mongo;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final BlockingQueue<Hint> hints = new LinkedBlockingQueue<>();
    private final OutboxClaims claims;
    private final TraceContexts traces;
    private volatile Thread worker;

    public OutboxRelay(MongoTemplate mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters) {
        this(mongo, sender, properties, meters, Clock.systemUTC());
    }

    public OutboxRelay(MongoTemplate mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters, Clock clock) {
        this(mongo, sender, properties, meters, clock, TraceContexts.none());
    }

    public OutboxRelay(MongoTemplate mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters, Clock clock,
                       TraceContexts traces) {
        this.mongo = mongo;
        this.traces = traces;
        this.claims = new OutboxClaims(mongo.getCollection(OutboxClaims.COLLECTION), properties.claimLease(), clock,
                properties.instance());
        this.sender = sender;
        this.properties = properties;
        this.published = Counter.builder("herald.outbox.published")
                .description("Events the outbox relay handed to Kafka").register(meters);
        this.failures = Counter.builder("herald.outbox.failures")
                .description("Relay attempts that stopped on a failed send; the events stay pending").register(meters);
        Gauge.builder("herald.outbox.pending", pending, AtomicLong::get)
                .description("Documents holding unsent events at the last sweep").register(meters);
    }

    /** Tells the relay a document of an outbox collection has events waiting. */
    public void hint(String collection, Object id) {
        if (properties.collections().contains(collection)) {
            hints.add(new Hint(collection, id));
        }
    }

    /** One sweep over every outbox collection; returns how many events were sent. */
    public int relayPending() {
        int sent = 0;
        long waiting = 0;
        for (String name : properties.collections()) {
            MongoCollection<Document> collection = mongo.getCollection(name);
            // ids only: each document is read again once claimed, as another instance may have sent from it
            for (Document doc : collection.find(PENDING).projection(Projections.include("_id"))) {
                waiting++;
                sent += relayDocument(collection, doc.get("_id"));
            }
        }
        pending.set(waiting);
        claims.forgetLapsed();
        return sent;
    }

    /** Relays the documents hinted so far; returns how many events were sent. */
    public int relayHinted() {
        Set<Hint> batch = new LinkedHashSet<>();
        hints.drainTo(batch);
        int sent = 0;
        for (Hint hint : batch) {
            sent += relayDocument(mongo.getCollection(hint.collection()), hint.id());
        }
        return sent;
    }

    /**
     * Sends the document's events under a claim, so no other instance sends from it meanwhile, and goes
     * on while events keep arriving. A relay refused the claim leaves the document to the holder, which
     * reads it again after releasing the claim and so finds whatever was added while it held it.
     */
    private int relayDocument(MongoCollection<Document> collection, Object id) {
        int sent = 0;
        while (true) {
            OutboxClaims.Held claim = claims.claim(collection.getNamespace().getCollectionName(), id);
            if (claim == null) {
                return sent;
            }
            Outcome outcome;
            try {
                outcome = sendFrom(collection, collection.find(Filters.eq("_id", id)).first(), claim);
            } finally {
                claim.release();
            }
            sent += outcome.sent();
            if (outcome.stopped() || !stillPending(collection, id)) {
                return sent;
            }
        }
    }

    private static boolean stillPending(MongoCollection<Document> collection, Object id) {
        // by _id alone, the one lookup every store answers from an index
        Document doc = collection.find(Filters.eq("_id", id)).projection(Projections.include("outbox.eventId")).first();
        return doc != null && !doc.getList("outbox", Document.class, List.of()).isEmpty();
    }

    private record Outcome(int sent, boolean stopped) {
    }

    private Outcome sendFrom(MongoCollection<Document> collection, Document doc, OutboxClaims.Held claim) {
        int sent = 0;
        if (doc == null) {
            return new Outcome(0, false);
        }
        for (Document entry : doc.getList("outbox", Document.class, List.of())) {
            String eventId = entry.getString("eventId");
            if (!claim.stillMine()) {
                // held past its lease and taken over: the new owner sends from here on, in order
                log.warn("Outbox relay lost its claim on {} in {} before sending {}", doc.get("_id"),
                        collection.getNamespace(), eventId);
                return new Outcome(sent, true);
            }
            try {
                // in the trace the event was written in: the binder's producer observation is this span's child
                // and puts the context in the record's headers for the consumers
                String topic = entry.getString("topic");
                if (!traces.inSpan("outbox relay", entry.getString(TraceContexts.TRACEPARENT),
                        Map.of("herald.event.type", String.valueOf(entry.getString("type")), "herald.topic", String.valueOf(topic)),
                        () -> sender.send(topic, message(entry)))) {
                    throw new IllegalStateException("binder refused event " + eventId);
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay could not send {} from {}: {}; it stays pending",
                        eventId, collection.getNamespace(), e.getMessage());
                return new Outcome(sent, true); // keep per-article order: never send a later event before an earlier one
            }
            // acknowledged by the broker, so right to pull whoever holds the claim by now
            collection.updateOne(Filters.eq("_id", doc.get("_id")),
                    Updates.pull("outbox", new Document("eventId", eventId)));
            published.increment();
            sent++;
        }
        return new Outcome(sent, false);
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

    private void work() {
        long nextSweep = 0;
        while (worker == Thread.currentThread()) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    relayPending();
                    nextSweep = System.nanoTime() + properties.sweepInterval().toNanos();
                }
                Hint first = hints.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    hints.add(first);
                    relayHinted();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay pass failed: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        for (String name : properties.collections()) {
            // lets the sweep find pending events without reading every document, on MongoDB proper
            mongo.getCollection(name).createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
        }
        Thread thread = new Thread(this::work, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        // start after and stop before the bindings it sends through
        return Integer.MAX_VALUE - 2000;
    }
}
