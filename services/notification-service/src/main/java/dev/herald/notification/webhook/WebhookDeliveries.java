package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryAttempt;
import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.DeliveryView;
import dev.herald.notification.delivery.InsertNew;
import dev.herald.notification.subscription.SubscriptionDeleted;
import dev.herald.notification.subscription.SubscriptionDisabled;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored webhook messages: what is owed, what is under way, and what became of each attempt. Every
 * change of state is one conditional update, so two dispatchers (or a dispatcher and a replay) never
 * both act on the same message.
 */
@Service
public class WebhookDeliveries {

    static final int KEPT_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final Clock clock;

    WebhookDeliveries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The delivery that carried (or will carry) the notice, immediate or in a digest. */
    public Optional<DeliveryView> forNotification(String notificationId) {
        return Optional.ofNullable(mongo.findOne(query(where("notices.notificationId").is(notificationId)),
                WebhookMessage.class)).map(WebhookMessage::view);
    }

    /** Stores the message unless one with its id is owed already; returns whether it was new. */
    boolean add(WebhookMessage message) {
        try {
            mongo.insert(message);
            return true;
        } catch (DuplicateKeyException alreadyOwed) {
            return false;
        }
    }

    /** Stores every message not owed already, in bulk; returns how many were new. */
    int addAll(List<WebhookMessage> owed) {
        return InsertNew.insert(mongo, WebhookMessage.class, owed, WebhookMessage::id).size();
    }

    Optional<WebhookMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookMessage.class));
    }

    /** A page of a subscription's messages, newest first; all statuses when {@code status} is null. */
    List<WebhookMessage> list(String subscriptionId, DeliveryStatus status, int page, int size) {
        return mongo.find(bySubscription(subscriptionId, status)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).skip((long) page * size).limit(size),
                WebhookMessage.class);
    }

    long count(String subscriptionId, DeliveryStatus status) {
        return mongo.count(bySubscription(subscriptionId, status), WebhookMessage.class);
    }

    long pending() {
        return mongo.count(query(where("status").is(DeliveryStatus.PENDING)), WebhookMessage.class);
    }

    /** Ids of messages due now, earliest first; only ids, as most of them are claimed one by one later. */
    List<String> due(Instant now, int limit) {
        Query due = query(where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, collection()).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * Takes a due message for one attempt by moving its due time to the end of a lease, atomically, so that of
     * several dispatchers one calls; a dispatcher that dies mid-call frees the message when the lease ends.
     */
    Optional<WebhookMessage> claim(String id, Instant now, Instant leaseUntil, String lease) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(id).and("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)),
                new Update().set("nextAttemptAt", leaseUntil).set("lease", lease),
                FindAndModifyOptions.options().returnNew(true), WebhookMessage.class));
    }

    /**
     * Records an attempt made under the claim and where the message goes from there; ignored if the claim
     * was lost meanwhile (cancelled, or the lease ran out and another dispatcher took over).
     */
    boolean settle(WebhookMessage claimed, DeliveryAttempt attempt, String url, DeliveryStatus status, String reason,
                   Instant nextAttemptAt) {
        Update update = new Update().set("status", status).set("statusReason", reason).set("url", url)
                .set("nextAttemptAt", nextAttemptAt).inc("attemptsInSeries", 1).unset("lease");
        update.push("attempts").slice(-KEPT_ATTEMPTS).each(attempt);
        if (status != DeliveryStatus.PENDING) {
            update.set("completedAt", attempt.at());
        }
        return mongo.updateFirst(underClaim(claimed), update, WebhookMessage.class).getModifiedCount() > 0;
    }

    /** Gives up a claimed message without calling, for a reason found before the call. */
    boolean cancel(WebhookMessage claimed, String reason) {
        return mongo.updateFirst(underClaim(claimed), cancelled(reason), WebhookMessage.class).getModifiedCount() > 0;
    }

    /** Starts a FAILED message over: a new series of attempts under the same id, due now. */
    Optional<WebhookMessage> replay(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(id).and("status").is(DeliveryStatus.FAILED)),
                new Update().set("status", DeliveryStatus.PENDING).set("attemptsInSeries", 0).inc("replays", 1)
                        .set("nextAttemptAt", now).set("seriesStartedAt", now).unset("statusReason").unset("completedAt"),
                FindAndModifyOptions.options().returnNew(true), WebhookMessage.class));
    }

    /** Whether any message of the subscription got through since the instant: the endpoint has not failed throughout. */
    boolean deliveredSince(String subscriptionId, Instant since) {
        return mongo.exists(query(where("subscriptionId").is(subscriptionId).and("status").is(DeliveryStatus.DELIVERED)
                .and("completedAt").gte(since)), WebhookMessage.class);
    }

    @EventListener
    void subscriptionDeleted(SubscriptionDeleted deleted) {
        cancelPending(deleted.subscriptionId(), "the subscription was deleted");
    }

    @EventListener
    void subscriptionDisabled(SubscriptionDisabled disabled) {
        cancelPending(disabled.subscriptionId(), "the subscription was disabled: " + disabled.reason());
    }

    private void cancelPending(String subscriptionId, String reason) {
        mongo.updateMulti(query(where("subscriptionId").is(subscriptionId).and("status").is(DeliveryStatus.PENDING)),
                cancelled(reason), WebhookMessage.class);
    }

    private Update cancelled(String reason) {
        return new Update().set("status", DeliveryStatus.CANCELLED).set("statusReason", reason)
                .set("completedAt", clock.instant()).unset("nextAttemptAt").unset("lease");
    }

    private static Query underClaim(WebhookMessage claimed) {
        return query(where("_id").is(claimed.id()).and("lease").is(claimed.lease()).and("status").is(DeliveryStatus.PENDING));
    }

    private static Query bySubscription(String subscriptionId, DeliveryStatus status) {
        Criteria criteria = where("subscriptionId").is(subscriptionId);
        return query(status == null ? criteria : criteria.and("status").is(status));
    }

    private String collection() {
        return mongo.getCollectionName(WebhookMessage.class);
    }
}
