package dev.herald.notification.inbox;

import dev.herald.notification.delivery.InsertNew;
import dev.herald.support.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads and marks inboxes: unread first, newest first within each. */
@Service
class Inbox {

    private final NotificationRepository notifications;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;

    Inbox(NotificationRepository notifications, MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    Page<Notification> page(String owner, int page, int size) {
        // _id breaks ties between notices created in the same instant, so pages never overlap
        PageRequest request = PageRequest.of(page, size,
                Sort.by(Sort.Order.asc("read"), Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        Query mine = Query.query(where("subscriber").is(owner));
        long total = mongo.count(mine, Notification.class);
        return new PageImpl<>(mongo.find(Query.query(where("subscriber").is(owner)).with(request), Notification.class), request, total);
    }

    long unread(String owner) {
        return mongo.count(Query.query(where("subscriber").is(owner).and("read").is(false)), Notification.class);
    }

    /** Someone else's notice is answered exactly like one that does not exist. */
    Notification get(String owner, String id) {
        return notifications.findById(id).filter(n -> n.subscriber().equals(owner))
                .orElseThrow(() -> new NotFoundException("notification", id));
    }

    Notification markRead(String owner, String id) {
        get(owner, id);
        mongo.updateFirst(Query.query(where("_id").is(id).and("read").is(false)),
                new Update().set("read", true).set("readAt", clock.instant()), Notification.class);
        return get(owner, id);
    }

    long markAllRead(String owner) {
        return mongo.updateMulti(Query.query(where("subscriber").is(owner).and("read").is(false)),
                new Update().set("read", true).set("readAt", clock.instant()), Notification.class).getModifiedCount();
    }

    /** Notices created after {@code since}, oldest first, for the live stream. */
    List<Notification> createdAfter(String owner, Instant since, int limit) {
        return mongo.find(Query.query(where("subscriber").is(owner).and("createdAt").gt(since))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))).limit(limit), Notification.class);
    }

    /**
     * Adds every notice unless one with its id exists, in bulk; returns the ids of those that were new.
     * Article notices only: they are what one publication makes by the thousand.
     */
    Set<String> addAll(List<Notification> notices) {
        Set<String> added = new HashSet<>(InsertNew.insert(mongo, Notification.class, notices, Notification::id));
        for (int i = 0; i < added.size(); i++) {
            dev.herald.notification.delivery.Notifications.countInbox(meters);
        }
        return added;
    }

    /** Adds a notice unless one with its id exists; returns whether it was new. */
    boolean add(Notification notice) {
        try {
            notifications.insert(notice);
        } catch (DuplicateKeyException already) {
            return false;
        }
        if (notice.kind() == NoticeKind.OUTCOME) {
            meters.counter("herald.notifications.outcomes").increment();
        } else {
            dev.herald.notification.delivery.Notifications.countInbox(meters);
        }
        return true;
    }
}
