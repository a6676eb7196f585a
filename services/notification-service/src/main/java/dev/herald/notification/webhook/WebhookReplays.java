package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.DeliveryView;
import dev.herald.notification.delivery.Notifications;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import dev.herald.notification.subscription.SubscriptionStatus;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.util.List;

/** A subscriber's view of their webhook messages, and replaying the ones that failed. */
@Service
class WebhookReplays {

    private final WebhookDeliveries messages;
    private final WebhookDispatcher dispatcher;
    private final SubscriptionService subscriptions;
    private final MeterRegistry meters;

    WebhookReplays(WebhookDeliveries messages, WebhookDispatcher dispatcher, SubscriptionService subscriptions,
                   MeterRegistry meters) {
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.subscriptions = subscriptions;
        this.meters = meters;
    }

    record Page(long total, List<DeliveryView> deliveries) {
    }

    /** Someone else's subscription is answered as one that does not exist. */
    Page list(String subscriber, String subscriptionId, DeliveryStatus status, int page, int size) {
        Subscription subscription = subscriptions.get(subscriber, subscriptionId);
        return new Page(messages.count(subscription.id(), status),
                messages.list(subscription.id(), status, page, size).stream().map(WebhookMessage::view).toList());
    }

    /** Sends a FAILED message again as a new series of attempts, under the same webhook-id. */
    DeliveryView replay(String subscriber, String id) {
        WebhookMessage message = messages.find(id).filter(m -> m.subscriber().equals(subscriber))
                .orElseThrow(() -> new NotFoundException("delivery", id));
        if (message.status() != DeliveryStatus.FAILED) {
            throw new ConflictException("only a FAILED delivery can be replayed; this one is " + message.status());
        }
        Subscription subscription = subscriptions.find(message.subscriptionId())
                .orElseThrow(() -> new ConflictException("the delivery's subscription was deleted"));
        if (subscription.status() == SubscriptionStatus.DISABLED) {
            throw new ConflictException("the subscription is disabled (" + subscription.statusReason()
                    + "); resume it before replaying its deliveries");
        }
        if (!subscription.delivery().callsWebhook()) {
            throw new ConflictException("the subscription no longer delivers by webhook");
        }
        WebhookMessage replayed = messages.replay(id)
                .orElseThrow(() -> new ConflictException("the delivery was replayed at the same time"));
        Notifications.countWebhook(meters, "replayed");
        dispatcher.nudge();
        return replayed.view();
    }
}
