package dev.herald.infra.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.UUID;

/**
 * A service's record of the events its consumers processed, as the shared idempotent consumer keeps it
 * (collection {@code processed_events}, one document per consumer and event). A test waits on it to know
 * that a delivery has taken effect, since records of different articles may be consumed in any order, and
 * removes one to stand in for a crash between a handler's effect and the record, after which the broker
 * delivers the event again and the handler runs a second time.
 */
public final class ProcessedEvents {

    private final MongoCollection<Document> records;

    public ProcessedEvents(MongoDatabase serviceDatabase) {
        this.records = serviceDatabase.getCollection("processed_events");
    }

    public boolean contains(String consumer, UUID eventId) {
        return records.countDocuments(of(consumer, eventId)) > 0;
    }

    /** Forgets that the consumer processed the event, as a crash right after the handler's effect would. */
    public void forget(String consumer, UUID eventId) {
        long removed = records.deleteMany(of(consumer, eventId)).getDeletedCount();
        if (removed != 1) {
            throw new IllegalStateException(consumer + " has " + removed + " records of " + eventId + ", not one");
        }
    }

    private static Bson of(String consumer, UUID eventId) {
        return Filters.and(Filters.eq("consumer", consumer), Filters.eq("eventId", eventId.toString()));
    }
}
