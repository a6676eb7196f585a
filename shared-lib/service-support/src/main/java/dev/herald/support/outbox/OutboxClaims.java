package dev.herald.support.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which relay instance may send a document's outbox right now: a lease per document, kept in a
 * collection of its own ({@code outbox_claims}) rather than in the document. Aggregates are saved by
 * replacing their whole document, so a claim field inside it would be wiped by the next save while its
 * owner is still sending, and a second instance could then send the same events beside it.
 *
 * <p>A claim names its owner (one token per relay, so a restarted process is a new owner) and the
 * instant it lapses; a lapsed claim may be taken over, so a relay that died frees its documents after
 * one lease, or at once when it comes back under the same instance name (see {@link OutboxProperties#instance()}):
 * two processes never hold one instance name at a time, so a claim of that name held by another owner
 * belongs to a process that is gone. Times are this instance's wall clock: clocks that disagree by a fraction of the lease are
 * harmless.
 */
class OutboxClaims {

    static final String COLLECTION = "outbox_claims";

    /** A claim held by this relay, renewed when less than half of it is left. */
    final class Held {
        private final Document key;
        private Instant until;

        private Held(Document key, Instant until) {
            this.key = key;
            this.until = until;
        }

        /** Whether the claim is still this relay's, renewing it first if it runs low. */
        synchronized boolean stillMine() {
            Instant now = clock.instant();
            if (now.isBefore(until.minus(lease.dividedBy(2)))) {
                return true;
            }
            Instant renewed = now.plus(lease);
            boolean mine = claims.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)),
                    Updates.set("until", Date.from(renewed))).getMatchedCount() > 0;
            if (mine) {
                until = renewed;
            }
            return mine;
        }

        /** Frees the document for any relay at once; a claim taken over meanwhile is left to its new owner. */
        void release() {
            claims.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)));
        }
    }

    private final MongoCollection<Document> claims;
    private final Duration lease;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final String instance;

    OutboxClaims(MongoCollection<Document> claims, Duration lease, Clock clock) {
        this(claims, lease, clock, null);
    }

    OutboxClaims(MongoCollection<Document> claims, Duration lease, Clock clock, String instance) {
        this.claims = claims;
        this.lease = lease;
        this.clock = clock;
        this.instance = instance;
    }

    /** Claims the document for this relay, or returns null while another relay's claim on it is live. */
    Held claim(String collection, Object id) {
        Document key = new Document("c", collection).append("id", id);
        Instant now = clock.instant();
        Date until = Date.from(now.plus(lease));
        try {
            // the usual case, nobody relaying the document: one insert
            claims.insertOne(new Document("_id", key).append("owner", owner).append("instance", instance).append("until", until));
            return new Held(key, until.toInstant());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // not even this relay's own live claim: two of its threads never relay one document side by side
        Bson lapsed = Filters.lte("until", Date.from(now));
        Bson free = Filters.and(Filters.eq("_id", key), instance == null ? lapsed
                : Filters.or(lapsed, Filters.and(Filters.eq("instance", instance), Filters.ne("owner", owner))));
        Document taken = claims.findOneAndUpdate(free, Updates.combine(Updates.set("owner", owner),
                        Updates.set("instance", instance), Updates.set("until", until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return taken == null ? null : new Held(key, until.toInstant());
    }

    /**
     * Claims a page of documents at once: one insert for those nobody relays (the usual case), then a
     * takeover attempt for each already claimed. Returns the claims held, by document id, in the ids' order.
     */
    Map<Object, Held> claimAll(String collection, List<Object> ids) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(lease));
        List<Document> wanted = new ArrayList<>(ids.size());
        for (Object id : ids) {
            wanted.add(new Document("_id", new Document("c", collection).append("id", id)).append("owner", owner)
                    .append("instance", instance).append("until", until));
        }
        Set<Integer> taken = new HashSet<>();
        try {
            claims.insertMany(wanted, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
        }
        Map<Object, Held> held = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Held claim = taken.contains(i) ? claim(collection, ids.get(i))
                    : new Held((Document) wanted.get(i).get("_id"), until.toInstant());
            if (claim != null) {
                held.put(ids.get(i), claim);
            }
        }
        return held;
    }

    /** Frees the documents for any relay in one write; those taken over meanwhile are left to their new owners. */
    void releaseAll(Collection<Held> held) {
        if (!held.isEmpty()) {
            claims.deleteMany(Filters.and(Filters.in("_id", held.stream().map(h -> h.key).toList()), Filters.eq("owner", owner)));
        }
    }

    /** Drops claims left by relays that died after their last pull: nobody would take those over. */
    long forgetLapsed() {
        return claims.deleteMany(Filters.lte("until", Date.from(clock.instant().minus(lease)))).getDeletedCount();
    }
}
