package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryChannel;
import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.delivery.Notifications;
import dev.herald.notification.link.SignedLinks;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Owes a subscription's endpoint one webhook message per key, stored with its final body before this
 * returns; the dispatcher sends it, at once if it runs in this instance, and retries it on schedule.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    private final WebhookDeliveries messages;
    private final WebhookDispatcher dispatcher;
    private final SignedLinks links;
    private final RetrySchedule schedule;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TraceContexts traces;

    WebhookChannel(WebhookDeliveries messages, WebhookDispatcher dispatcher, SignedLinks links, WebhookProperties properties,
                   JsonMapper json, MeterRegistry meters, Clock clock, TraceContexts traces) {
        this.traces = traces;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.links = links;
        this.schedule = properties.retrySchedule();
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public DeliveryType type() {
        return DeliveryType.WEBHOOK;
    }

    @Override
    public void deliver(Subscription subscription, List<Notice> notices, String key) {
        if (!subscription.delivery().callsWebhook() || notices.isEmpty()) {
            return;
        }
        String id = WebhookMessage.idFor(key);
        // the store keeps milliseconds: truncated here, the body's timestamp and the stored one agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String type = subscription.frequency().digest() ? WebhookPayload.DIGEST : WebhookPayload.CREATED;
        String body = json.writeValueAsString(new WebhookPayload(type, now, new WebhookPayload.Data(subscription.id(),
                subscription.subscriber(), notices, links.unsubscribeUrl(subscription.id()))));
        WebhookMessage message = new WebhookMessage(id, key, type, subscription.id(), subscription.subscriber(), notices,
                body, subscription.delivery().url(), DeliveryStatus.PENDING, null, 0, 0, List.of(),
                now.plus(schedule.first(ThreadLocalRandom.current())), null, now, now, null, traces.current());
        if (messages.add(message)) {
            Notifications.countWebhook(meters, "created");
            dispatcher.nudge();
        }
    }
}
