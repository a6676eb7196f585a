package dev.herald.ingest.feed;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The store of feeds. Every change after registration is a single-document update, so the poller's
 * bookkeeping and a unit's edit never overwrite each other's fields.
 */
@Component
class Feeds {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    Feeds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new feed; empty when this unit already registered that id (the same URL). */
    Optional<Feed> insert(Feed feed) {
        try {
            return Optional.of(mongo.insert(feed));
        } catch (DuplicateKeyException registered) {
            return Optional.empty();
        }
    }

    Optional<Feed> get(String id) {
        return Optional.ofNullable(mongo.findById(id, Feed.class));
    }

    /** The feeds of one unit, or of every unit when {@code unit} is null; the longest registered first. */
    List<Feed> list(String unit) {
        Query query = unit == null ? new Query() : query(where("unit").is(unit));
        return mongo.find(query.with(Sort.by("createdAt", "_id")), Feed.class);
    }

    /**
     * Claims the active feed due longest ago, if any: its next poll moves past the lease, so no other
     * instance takes it, and should this instance die the feed is due again when the lease ends.
     */
    Optional<Feed> claimDue(Instant now, Duration lease) {
        Query due = query(where("status").is(FeedStatus.ACTIVE).and("nextPollAt").lte(now).andOperator(notLeased(now)))
                .with(Sort.by("nextPollAt"));
        return Optional.ofNullable(mongo.findAndModify(due, lease(now, lease), RETURN_NEW, Feed.class));
    }

    /** Claims one feed for a poll asked for now, whatever its schedule; empty while another poll holds it. */
    Optional<Feed> claim(String id, Instant now, Duration lease) {
        Query free = query(where("_id").is(id).andOperator(notLeased(now)));
        return Optional.ofNullable(mongo.findAndModify(free, lease(now, lease), RETURN_NEW, Feed.class));
    }

    /** Records a poll made under the claim; false, changing nothing, when the lease ran out and another instance took the feed. */
    boolean succeeded(Feed feed, String title, Instant now, LastItem lastItem, long imported, long skipped) {
        Update update = new Update().set("lastPolledAt", now).set("lastSuccessAt", now).set("consecutiveFailures", 0)
                .set("nextPollAt", now.plus(feed.interval())).set("leasedUntil", null)
                .inc("itemsImported", imported).inc("itemsSkipped", skipped);
        if (title != null) {
            update.set("title", title);
        }
        if (lastItem != null) {
            update.set("lastItem", lastItem);
        }
        return mongo.updateFirst(underLease(feed), update, Feed.class).getModifiedCount() > 0;
    }

    /** Records a failed poll made under the claim; false, changing nothing, when the claim was lost meanwhile. */
    boolean failed(Feed feed, String error, Instant now, Duration maxBackoff) {
        int failures = feed.consecutiveFailures() + 1;
        return mongo.updateFirst(underLease(feed), new Update().set("lastPolledAt", now).set("lastError", error)
                .set("lastErrorAt", now).set("consecutiveFailures", failures)
                .set("nextPollAt", now.plus(backoff(feed.interval(), failures, maxBackoff))).set("leasedUntil", null), Feed.class)
                .getModifiedCount() > 0;
    }

    /** The wait after {@code failures} failures in a row: the interval doubled each time, up to the cap. */
    static Duration backoff(Duration interval, int failures, Duration cap) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    Feed change(Feed feed, Duration interval, FeedStatus status, Instant nextPollAt) {
        Update update = new Update().set("intervalMinutes", interval.toMinutes()).set("status", status).set("nextPollAt", nextPollAt);
        return mongo.findAndModify(query(where("_id").is(feed.id())), update, RETURN_NEW, Feed.class);
    }

    void delete(String id) {
        mongo.remove(query(where("_id").is(id)), Feed.class);
        mongo.remove(query(where("feedId").is(id)), FeedItem.class);
    }

    /**
     * The feed as long as the claim it was polled under still holds. Each claim's lease end is later than
     * the one before (a claim needs the last to have ended), so it tells claims apart like a token would:
     * a poll that outlived its lease can neither clear the new holder's lease nor write an older last item.
     */
    private static Query underLease(Feed claimed) {
        return query(where("_id").is(claimed.id()).and("leasedUntil").is(claimed.leasedUntil()));
    }

    private static Criteria notLeased(Instant now) {
        return new Criteria().orOperator(where("leasedUntil").is(null), where("leasedUntil").lte(now));
    }

    private static Update lease(Instant now, Duration lease) {
        return new Update().set("nextPollAt", now.plus(lease)).set("leasedUntil", now.plus(lease));
    }
}
