package dev.herald.moderation.review;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.herald.text.SimHash;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The near-duplicate index: one small document per fingerprint band value ({@code b2:0fa3}), listing the
 * reviews whose fingerprint has it, so a new report's candidates are four lookups by {@code _id} however many
 * reviews are stored, and only the few within reach are read as reviews. The entries are hints: a review
 * since revised or rejected still has its old entries, so whoever reads them checks the review itself.
 */
@Component
class FingerprintBands {

    static final String COLLECTION = "fingerprint_bands";

    /**
     * The earliest entries a band keeps: a report republished thousands of times would otherwise grow its
     * band documents without bound, and the earliest copies are the originals a duplicate is linked to.
     */
    static final int CAPACITY = 64;

    /** The document that says the reviews stored before the index were entered ({@link FingerprintBandsBackfill}). */
    static final String BACKFILLED = "backfilled";

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> bands;

    FingerprintBands(MongoTemplate mongo) {
        this.bands = mongo.getCollection(COLLECTION);
    }

    /** A review's fingerprint as it was entered; {@code at} decides which of two equally close is the original. */
    record Entry(String review, long fingerprint, Instant at) {
    }

    /**
     * Adds the entries to their four bands each, in one unordered write. Adding an entry again changes nothing,
     * so a redelivered submission may register twice; a band that is full keeps its earliest entries.
     */
    void register(Collection<Entry> entries) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (Entry entry : entries) {
            Document stored = new Document("r", entry.review()).append("f", entry.fingerprint()).append("t", Date.from(entry.at()));
            for (String key : keys(entry.fingerprint())) {
                // a full band, or one already holding the entry, matches nothing: the upsert's insert then fails
                // on the _id, and that failure is the no-op wanted
                writes.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", key), Filters.lt("n", CAPACITY), Filters.ne("e", stored)),
                        Updates.combine(Updates.push("e", stored), Updates.inc("n", 1)),
                        new UpdateOptions().upsert(true)));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            bands.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY) || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /** Every entry sharing a band with the fingerprint, each review once (its entry of the nearest fingerprint). */
    List<Entry> sharingABand(long fingerprint) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (Document band : bands.find(Filters.in("_id", keys(fingerprint)))) {
            for (Document e : band.getList("e", Document.class, List.of())) {
                Entry entry = new Entry(e.getString("r"), e.getLong("f"), e.getDate("t").toInstant());
                found.merge(entry.review(), entry, (a, b) ->
                        SimHash.distance(fingerprint, b.fingerprint()) < SimHash.distance(fingerprint, a.fingerprint()) ? b : a);
            }
        }
        return new ArrayList<>(found.values());
    }

    boolean backfilled() {
        return bands.find(Filters.eq("_id", BACKFILLED)).first() != null;
    }

    void markBackfilled() {
        bands.replaceOne(Filters.eq("_id", BACKFILLED), new Document("_id", BACKFILLED).append("at", new Date()),
                new ReplaceOptions().upsert(true));
    }

    private static List<String> keys(long fingerprint) {
        int[] values = SimHash.bands(fingerprint);
        List<String> keys = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            keys.add("b" + i + ":" + Integer.toHexString(values[i]));
        }
        return keys;
    }
}
