package dev.herald.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
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
    private final SentEvents sentBefore;
    private final TraceContexts traces;
    // sends of different record keys overlap, so the producer batches them; daemon, as the relay thread is
    private final ExecutorService senders;
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
        this.sentBefore = new SentEvents(mongo.getCollection(SentEvents.COLLECTION), clock);
        this.sender = sender;
        this.properties = properties;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.senders(), properties.senders(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("outbox-send-", 0).daemon().factory());
        // idle senders end, so a relay that is no longer used (a closed context) leaves no threads behind
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
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
            List<Object> ids = new ArrayList<>();
            for (Document doc : collection.find(PENDING).projection(Projections.include("_id"))) {
                ids.add(doc.get("_id"));
            }
            waiting += ids.size();
            sent += relayPages(collection, ids);
        }
        pending.set(waiting);
        claims.forgetLapsed();
        return sent;
    }

    /** Relays the documents hinted so far; returns how many events were sent. */
    public int relayHinted() {
        Set<Hint> batch = new LinkedHashSet<>();
        hints.drainTo(batch);
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        for (Hint hint : batch) {
            byCollection.computeIfAbsent(hint.collection(), c -> new ArrayList<>()).add(hint.id());
        }
        int sent = 0;
        for (Map.Entry<String, List<Object>> hinted : byCollection.entrySet()) {
            sent += relayPages(mongo.getCollection(hinted.getKey()), hinted.getValue());
        }
        return sent;
    }

    private int relayPages(MongoCollection<Document> collection, List<Object> ids) {
        int sent = 0;
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            sent += relayDocuments(collection, ids.subList(from, Math.min(ids.size(), from + properties.batchSize())));
        }
        return sent;
    }

    /**
     * Sends a page of documents' events under claims on them, so no other instance sends from them
     * meanwhile, and goes on while events keep arriving. A relay refused a claim leaves that document to
     * the holder, which reads it again after releasing the claim and so finds whatever was added while
     * it held it. The page costs a handful of store writes however many events it holds: one claiming
     * every document, one pulling every acknowledged event, one releasing the claims.
     */
    private int relayDocuments(MongoCollection<Document> collection, List<Object> page) {
        String name = collection.getNamespace().getCollectionName();
        List<Object> ids = page;
        int sent = 0;
        while (!ids.isEmpty()) {
            Map<Object, OutboxClaims.Held> held = claims.claimAll(name, ids);
            if (held.isEmpty()) {
                return sent;
            }
            Batch batch;
            try {
                batch = sendFrom(collection, read(collection, held.keySet()), held);
            } finally {
                claims.releaseAll(held.values());
            }
            sent += batch.sent();
            List<Object> again = new ArrayList<>(held.keySet());
            again.removeAll(batch.stopped());
            ids = again.isEmpty() ? List.of() : stillPending(collection, again);
        }
        return sent;
    }

    // by _id alone, the one lookup every store answers from an index; in the page's order
    private static List<Document> read(MongoCollection<Document> collection, Collection<Object> ids) {
        Map<Object, Document> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(doc -> found.put(doc.get("_id"), doc));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    // in the page's order, so documents sharing a key are sent from in the order they were hinted, as at first
    private static List<Object> stillPending(MongoCollection<Document> collection, List<Object> ids) {
        Set<Object> pendingIds = new HashSet<>();
        for (Document doc : collection.find(Filters.in("_id", ids)).projection(Projections.include("outbox.eventId"))) {
            if (!doc.getList("outbox", Document.class, List.of()).isEmpty()) {
                pendingIds.add(doc.get("_id"));
            }
        }
        return ids.stream().filter(pendingIds::contains).toList();
    }

    /** What a page came to: events sent, and the documents to leave alone (a send failed, a claim was lost). */
    private record Batch(int sent, Set<Object> stopped) {
    }

    /** One entry of a document's outbox, with the claim it is sent under. */
    private record Pending(Object documentId, Document entry, OutboxClaims.Held claim) {
    }

    /**
     * Sends the page's events with as many sends in flight as there are record keys (up to
     * {@code senders}), each key's events one after the other, each awaiting the broker's acknowledgement
     * before the next: a key's order is what consumers rely on, and is what a single relay thread kept.
     * Then pulls every acknowledged event in one write.
     */
    private Batch sendFrom(MongoCollection<Document> collection, List<Document> docs, Map<Object, OutboxClaims.Held> held) {
        Map<String, List<Pending>> byKey = new LinkedHashMap<>();
        for (Document doc : docs) {
            Object id = doc.get("_id");
            for (Document entry : doc.getList("outbox", Document.class, List.of())) {
                byKey.computeIfAbsent(String.valueOf(entry.getString("key")), k -> new ArrayList<>())
                        .add(new Pending(id, entry, held.get(id)));
            }
        }
        Set<Object> stopped = ConcurrentHashMap.newKeySet();
        Map<Object, List<String>> acknowledged = new ConcurrentHashMap<>();
        // written back by a save prepared before an earlier pull: pulled again, not sent again
        Set<String> resent = sentBefore.among(byKey.values().stream().flatMap(List::stream)
                .map(p -> p.entry().getString("eventId")).toList());
        Set<String> sentNow = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> keys = new ArrayList<>();
        for (List<Pending> inOrder : byKey.values()) {
            keys.add(() -> {
                sendInOrder(collection, inOrder, stopped, acknowledged, resent, sentNow);
                return null;
            });
        }
        try {
            if (keys.size() == 1) {
                keys.getFirst().call();
            } else {
                for (Future<Void> done : senders.invokeAll(keys)) {
                    done.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.addAll(held.keySet()); // what was acknowledged is still pulled below; the rest stays pending
        } catch (Exception e) {
            throw new IllegalStateException("outbox send failed unexpectedly", e);
        } finally {
            // recorded before the pull, so a save that writes an event back after it finds the record
            sentBefore.record(sentNow);
            pull(collection, acknowledged);
        }
        return new Batch(sentNow.size(), stopped);
    }

    private void sendInOrder(MongoCollection<Document> collection, List<Pending> inOrder, Set<Object> stopped,
                             Map<Object, List<String>> acknowledged, Set<String> resent, Set<String> sentNow) {
        for (int i = 0; i < inOrder.size(); i++) {
            Pending pending = inOrder.get(i);
            String eventId = pending.entry().getString("eventId");
            if (resent.contains(eventId)) {
                acknowledged.computeIfAbsent(pending.documentId(), id -> new CopyOnWriteArrayList<>()).add(eventId);
                continue;
            }
            if (!sent(collection, pending, stopped)) {
                // nothing later of this key may leave before this one: its documents wait for the next pass
                inOrder.subList(i, inOrder.size()).forEach(rest -> stopped.add(rest.documentId()));
                return;
            }
            acknowledged.computeIfAbsent(pending.documentId(), id -> new CopyOnWriteArrayList<>()).add(eventId);
            sentNow.add(eventId);
            published.increment();
        }
    }

    /** Sends one event, returning whether the broker acknowledged it. */
    private boolean sent(MongoCollection<Document> collection, Pending pending, Set<Object> stopped) {
        Document entry = pending.entry();
        String eventId = entry.getString("eventId");
        if (stopped.contains(pending.documentId())) {
            return false; // an earlier event of this document was not sent
        }
        if (!pending.claim().stillMine()) {
            // held past its lease and taken over: the new owner sends from here on, in order
            log.warn("Outbox relay lost its claim on {} in {} before sending {}", pending.documentId(),
                    collection.getNamespace(), eventId);
            return false;
        }
        try {
            // in the trace the event was written in: the binder's producer observation is this span's child
            // and puts the context in the record's headers for the consumers
            String topic = entry.getString("topic");
            if (traces.inSpan("outbox relay", entry.getString(TraceContexts.TRACEPARENT),
                    Map.of("herald.event.type", String.valueOf(entry.getString("type")), "herald.topic", String.valueOf(topic)),
                    () -> sender.send(topic, message(entry)))) {
                return true;
            }
            throw new IllegalStateException("binder refused event " + eventId);
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay could not send {} from {}: {}; it stays pending",
                    eventId, collection.getNamespace(), e.getMessage());
            return false;
        }
    }

    // acknowledged by the broker, so right to pull whoever holds the claims by now; one write for the page
    private static void pull(MongoCollection<Document> collection, Map<Object, List<String>> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> pulls = new ArrayList<>();
        acknowledged.forEach((id, eventIds) -> pulls.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.pull("outbox", Filters.in("eventId", eventIds)))));
        collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
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
        sentBefore.createIndex();
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
