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
        deliverAll(List.of(new Owed(subscription, notices, key)));
    }

    @Override
    public void deliverAll(List<Owed> owed) {
        // the store keeps milliseconds: truncated here, the body's timestamp and the stored one agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<WebhookMessage> messages = owed.stream()
                .filter(o -> o.subscription().delivery().callsWebhook() && !o.notices().isEmpty())
                .map(o -> message(o, now)).toList();
        int created = messages.isEmpty() ? 0 : this.messages.addAll(messages);
        for (int i = 0; i < created; i++) {
            Notifications.countWebhook(meters, "created");
        }
        if (created > 0) {
            dispatcher.nudge();
        }
    }

    private WebhookMessage message(Owed owed, Instant now) {
        Subscription subscription = owed.subscription();
        String type = subscription.frequency().digest() ? WebhookPayload.DIGEST : WebhookPayload.CREATED;
        String body = json.writeValueAsString(new WebhookPayload(type, now, new WebhookPayload.Data(subscription.id(),
                subscription.subscriber(), owed.notices(), links.unsubscribeUrl(subscription.id()))));
        return new WebhookMessage(WebhookMessage.idFor(owed.key()), owed.key(), type, subscription.id(), subscription.subscriber(),
                owed.notices(), body, subscription.delivery().url(), DeliveryStatus.PENDING, null, 0, 0, List.of(),
                now.plus(schedule.first(ThreadLocalRandom.current())), null, now, now, null, traces.current());
    }
}
