package dev.herald.notification.delivery;

import dev.herald.notification.subscription.SubscriptionDeleted;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Keeps the webhook calls owed and what became of each attempt. */
@Service
public class WebhookDeliveries implements DeliveryChannel {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookDeliveries(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public dev.herald.notification.subscription.DeliveryType type() {
        return dev.herald.notification.subscription.DeliveryType.WEBHOOK;
    }

    @Override
    public void deliver(dev.herald.notification.subscription.Subscription subscription, List<Notice> notices, String key) {
        Notice n = notices.getFirst();
        schedule(key, subscription.id(), subscription.subscriber(), subscription.delivery().url(),
                new WebhookArticle(n.articleId(), n.title(), n.unit(), n.channel(), n.publishedAt()));
    }

    /** Owes a call for the notification unless one is owed already; returns whether it was new. */
    public boolean schedule(String notificationId, String subscriptionId, String subscriber, String url,
                            WebhookArticle article) {
        Instant now = clock.instant();
        try {
            mongo.insert(new WebhookDelivery(notificationId, subscriptionId, subscriber, url, article,
                    DeliveryStatus.PENDING, 0, List.of(), now, now, null));
        } catch (DuplicateKeyException alreadyOwed) {
            return false;
        }
        Notifications.count(meters, "created");
        return true;
    }

    public Optional<DeliveryView> forNotification(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, WebhookDelivery.class)).map(DeliveryView::of);
    }

    @EventListener
    void subscriptionDeleted(SubscriptionDeleted deleted) {
        mongo.updateMulti(query(where("subscriptionId").is(deleted.subscriptionId()).and("status").is(DeliveryStatus.PENDING)),
                new Update().set("status", DeliveryStatus.CANCELLED).set("completedAt", clock.instant()),
                WebhookDelivery.class);
    }

    List<WebhookDelivery> due(Instant now, int limit) {
        return mongo.find(query(where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit), WebhookDelivery.class);
    }

    /**
     * Takes a due delivery for one attempt by moving its next attempt past the lease, atomically, so
     * that of several dispatchers only one calls; a dispatcher that dies mid-call frees it when the lease ends.
     */
    Optional<WebhookDelivery> claim(String notificationId, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(notificationId).and("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)),
                new Update().set("nextAttemptAt", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class));
    }

    void recordAttempt(WebhookDelivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt) {
        Update update = new Update().push("attempts", attempt).inc("attemptCount", 1)
                .set("status", status).set("nextAttemptAt", nextAttemptAt);
        if (status != DeliveryStatus.PENDING) {
            update.set("completedAt", attempt.at());
        }
        mongo.updateFirst(query(where("_id").is(delivery.notificationId()).and("status").is(DeliveryStatus.PENDING)),
                update, WebhookDelivery.class);
    }
}
