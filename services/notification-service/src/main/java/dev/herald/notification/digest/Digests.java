package dev.herald.notification.digest;

import dev.herald.notification.delivery.DigestQueue;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Collects the notices of hourly and daily subscriptions by window, in {@code digest_windows} and {@code digest_entries}. */
@Service
class Digests implements DigestQueue {

    private final MongoTemplate mongo;
    private final Clock clock;

    Digests(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void add(Subscription subscription, Notice notice) {
        Instant now = clock.instant();
        Instant windowEnd = Windows.closingAfter(subscription.frequency(), now);
        String entryId = DigestEntry.idOf(subscription.id(), notice.notificationId());
        try {
            mongo.insert(new DigestEntry(entryId, subscription.id(), windowEnd, notice, now));
        } catch (DuplicateKeyException queuedBefore) {
            // in a digest already, this window's or an earlier one; but a crash may have come between the
            // entry and its window, and this call, a redelivery, is the chance to complete that
            DigestEntry earlier = mongo.findById(entryId, DigestEntry.class);
            if (earlier != null) {
                openWindow(subscription.id(), earlier.windowEnd());
            }
            return;
        }
        openWindow(subscription.id(), windowEnd);
    }

    /** Makes the window unless it exists; one that was sent or dropped already stays as it is. */
    private void openWindow(String subscriptionId, Instant windowEnd) {
        try {
            mongo.upsert(query(where("_id").is(DigestWindow.idOf(subscriptionId, windowEnd))), new Update()
                    .setOnInsert("subscriptionId", subscriptionId).setOnInsert("windowEnd", windowEnd)
                    .setOnInsert("status", WindowStatus.OPEN).setOnInsert("dueAt", windowEnd)
                    .setOnInsert("noticeCount", 0), DigestWindow.class);
        } catch (DuplicateKeyException anotherInstanceMadeItFirst) {
            // the window exists, which is all that was wanted
        }
    }

    List<DigestWindow> due(Instant endedBy, int limit) {
        return mongo.find(query(where("status").is(WindowStatus.OPEN).and("dueAt").lte(endedBy))
                .with(Sort.by("dueAt")).limit(limit), DigestWindow.class);
    }

    /**
     * Takes a closed window for sending by moving it past the lease, atomically, so that of several
     * instances only one sends it; one that dies mid-send frees it when the lease ends, and the channel's
     * key makes the second hand-over owe nothing new. The claim's token is what closes the window, so an
     * instance whose lease ran out cannot mark it sent or dropped under another's hand-over.
     */
    Optional<DigestWindow> claim(String windowId, Instant endedBy, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(windowId).and("status").is(WindowStatus.OPEN).and("dueAt").lte(endedBy)),
                new Update().set("dueAt", leaseUntil).set("claim", UUID.randomUUID().toString()),
                FindAndModifyOptions.options().returnNew(true), DigestWindow.class));
    }

    List<Notice> notices(DigestWindow window) {
        return mongo.find(query(where("subscriptionId").is(window.subscriptionId()).and("windowEnd").is(window.windowEnd()))
                .with(Sort.by("addedAt", "_id")), DigestEntry.class).stream().map(DigestEntry::notice).toList();
    }

    /** Each closes the claimed window; false when the claim was lost meanwhile and nothing changed. */
    boolean sent(DigestWindow claimed, int noticeCount) {
        return close(claimed, new Update().set("status", WindowStatus.SENT).set("noticeCount", noticeCount));
    }

    boolean dropped(DigestWindow claimed, String reason) {
        return close(claimed, new Update().set("status", WindowStatus.DROPPED).set("reason", reason));
    }

    @EventListener
    void subscriptionDeleted(SubscriptionDeleted deleted) {
        mongo.updateMulti(query(where("subscriptionId").is(deleted.subscriptionId()).and("status").is(WindowStatus.OPEN)),
                new Update().set("status", WindowStatus.DROPPED).set("reason", "subscription deleted")
                        .set("closedAt", clock.instant()), DigestWindow.class);
    }

    private boolean close(DigestWindow claimed, Update update) {
        Query underClaim = query(where("_id").is(claimed.id()).and("status").is(WindowStatus.OPEN).and("claim").is(claimed.claim()));
        return mongo.updateFirst(underClaim, update.set("closedAt", clock.instant()).unset("claim"), DigestWindow.class)
                .getModifiedCount() > 0;
    }
}
