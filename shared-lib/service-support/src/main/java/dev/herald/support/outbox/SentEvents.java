package dev.herald.support.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The events the relay has had acknowledged, by event id. An aggregate is saved whole: a save prepared
 * from a read made before the relay pulled an event writes that event back, and without this record the
 * relay would send it a second time. Consumers would drop the copy (same event id), but a record on the
 * topic twice is waste, and a contract nobody can read exactly. The record outlives any read-then-save by
 * far, and then expires.
 */
final class SentEvents {

    static final String COLLECTION = "outbox_sent";

    /** Far longer than a request holds a read before saving it, short enough to keep the collection small. */
    static final Duration RETENTION = Duration.ofDays(2);

    private final MongoCollection<Document> sent;
    private final Clock clock;

    SentEvents(MongoCollection<Document> sent, Clock clock) {
        this.sent = sent;
        this.clock = clock;
    }

    void createIndex() {
        sent.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(RETENTION.toSeconds(), TimeUnit.SECONDS));
    }

    /** Which of these event ids were acknowledged before: one lookup by id for a page. */
    Set<String> among(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        if (!eventIds.isEmpty()) {
            sent.find(Filters.in("_id", eventIds)).projection(new Document("_id", 1))
                    .forEach(doc -> found.add(doc.getString("_id")));
        }
        return found;
    }

    /** Records acknowledged events; one already recorded (an earlier pass that stopped short) is no error. */
    void record(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> docs = eventIds.stream().map(id -> new Document("_id", id).append("at", now)).toList();
        try {
            sent.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        }
    }
}
