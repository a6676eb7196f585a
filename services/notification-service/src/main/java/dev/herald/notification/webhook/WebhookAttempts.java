package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryAttempt;
import dev.herald.notification.delivery.DeliveryLatency;
import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.Notifications;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import dev.herald.notification.subscription.SubscriptionStatus;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes one attempt of a claimed message and decides what follows: a 2xx delivers; 410 Gone fails the
 * message and disables the subscription; anything else waits for the next step of the schedule (or a
 * longer Retry-After) until the schedule runs out. A message given up after an endpoint failed the whole
 * schedule, with nothing delivered to it meanwhile, disables the subscription too; both tell the
 * subscriber why through the subscription's status. Nothing is sent for a subscription that was deleted,
 * disabled or no longer delivers by webhook: its message is cancelled.
 */
@Component
class WebhookAttempts {

    private static final Logger log = LoggerFactory.getLogger(WebhookAttempts.class);

    private final WebhookDeliveries messages;
    private final WebhookClient client;
    private final SubscriptionService subscriptions;
    private final RetrySchedule schedule;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TraceContexts traces;

    WebhookAttempts(WebhookDeliveries messages, WebhookClient client, SubscriptionService subscriptions,
                    WebhookProperties properties, MeterRegistry meters, Clock clock, TraceContexts traces) {
        this.traces = traces;
        this.messages = messages;
        this.client = client;
        this.subscriptions = subscriptions;
        this.schedule = properties.retrySchedule();
        this.meters = meters;
        this.clock = clock;
    }

    /** One attempt is a span in the trace the message was owed in, whichever sender thread makes it and when. */
    void attempt(WebhookMessage claimed) {
        traces.inSpan("webhook delivery attempt", claimed.traceparent(), Map.of("herald.webhook.message", claimed.id(),
                "herald.subscription.id", claimed.subscriptionId(), "herald.attempt", String.valueOf(claimed.attemptsInSeries() + 1)),
                () -> attemptTraced(claimed));
    }

    private void attemptTraced(WebhookMessage claimed) {
        Optional<Subscription> found = subscriptions.find(claimed.subscriptionId());
        String stop = reasonToStop(found);
        if (stop != null) {
            if (messages.cancel(claimed, stop)) {
                Notifications.countWebhook(meters, "cancelled");
            }
            return;
        }
        Subscription subscription = found.get();
        String url = subscription.delivery().url();
        WebhookClient.Answer answer = client.post(url, claimed.id(), subscription.delivery().signingSecrets(clock.instant()),
                claimed.body());
        DeliveryAttempt attempt = answer.attempt();
        int failures = claimed.attemptsInSeries() + 1;
        if (attempt.succeeded()) {
            if (messages.settle(claimed, attempt, url, DeliveryStatus.DELIVERED, null, null)) {
                Notifications.countWebhook(meters, "delivered");
                DeliveryLatency.record(meters, "webhook", claimed.notices(), clock.instant());
            }
        } else if (Integer.valueOf(410).equals(attempt.httpStatus())) {
            String reason = "the webhook endpoint answered 410 Gone at " + attempt.at()
                    + "; resume the subscription once it accepts calls again";
            // only under the claim: an answer that outlived its lease is not this attempt's to act on
            if (giveUp(claimed, attempt, url, "the endpoint answered 410 Gone", failures)) {
                subscriptions.disable(claimed.subscriptionId(), reason);
            }
        } else {
            Optional<Duration> wait = schedule.afterFailures(failures, answer.retryAfter(), ThreadLocalRandom.current());
            if (wait.isPresent()) {
                Instant next = clock.instant().plus(wait.get());
                if (messages.settle(claimed, attempt, url, DeliveryStatus.PENDING, null, next)) {
                    Notifications.countWebhook(meters, "retried");
                    log.info("Webhook message {} attempt {} failed ({}); next at {}", claimed.id(), failures,
                            describe(attempt), next);
                }
            } else {
                if (giveUp(claimed, attempt, url, "gave up after " + failures + " attempts; last: " + describe(attempt), failures)
                        && !messages.deliveredSince(claimed.subscriptionId(), claimed.seriesStartedAt())) {
                    subscriptions.disable(claimed.subscriptionId(), "every call to the webhook endpoint failed from "
                            + claimed.seriesStartedAt() + " to " + attempt.at() + " (last: " + describe(attempt)
                            + "); resume the subscription once it accepts calls again");
                }
            }
        }
    }

    private boolean giveUp(WebhookMessage claimed, DeliveryAttempt attempt, String url, String reason, int attempts) {
        if (!messages.settle(claimed, attempt, url, DeliveryStatus.FAILED, reason, null)) {
            return false;
        }
        Notifications.countWebhook(meters, "failed");
        log.warn("Webhook message {} to {} failed after {} attempts: {}", claimed.id(), url, attempts, reason);
        return true;
    }

    private static String reasonToStop(Optional<Subscription> subscription) {
        if (subscription.isEmpty()) {
            return "the subscription was deleted";
        }
        Subscription s = subscription.get();
        if (s.status() == SubscriptionStatus.DISABLED) {
            return "the subscription was disabled: " + s.statusReason();
        }
        if (!s.delivery().callsWebhook()) {
            return "the subscription no longer delivers by webhook";
        }
        if (!WebhookSignature.usable(s.delivery().secret())) {
            return "the subscription has no usable signing secret";
        }
        return null;
    }

    private static String describe(DeliveryAttempt attempt) {
        return attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.error();
    }
}
