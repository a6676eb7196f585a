package dev.herald.moderation.review;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Which moderation instance publishes a due scheduled publication: a lease per review, in a collection of
 * its own ({@code publication_claims}) as the outbox relay keeps its claims, since a review is saved by
 * replacing its whole document and a lease inside it would be wiped. The lease spares two instances the
 * same work; what makes a publication happen once is the review's version, checked by the write that
 * publishes. A lapsed lease (its instance died mid-way) may be taken over.
 */
final class PublicationClaims {

    static final String COLLECTION = "publication_claims";

    private final MongoCollection<Document> claims;
    private final Duration lease;
    private final Clock clock;
    // one per instance: a restarted process is a new owner, and waits for its predecessor's leases to lapse
    private final String owner = UUID.randomUUID().toString();

    PublicationClaims(MongoCollection<Document> claims, Duration lease, Clock clock) {
        this.claims = claims;
        this.lease = lease;
        this.clock = clock;
    }

    /** Takes the review's publication for this instance; false while another instance's lease on it is live. */
    boolean claim(String reviewId) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(lease));
        try {
            claims.insertOne(new Document("_id", reviewId).append("owner", owner).append("until", until));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return claims.findOneAndUpdate(Filters.and(Filters.eq("_id", reviewId), Filters.lte("until", Date.from(now))),
                Updates.combine(Updates.set("owner", owner), Updates.set("until", until)),
                new FindOneAndUpdateOptions()) != null;
    }

    /** Gives the review back; a lease taken over meanwhile is left to its new owner. */
    void release(String reviewId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", reviewId), Filters.eq("owner", owner)));
    }
}
