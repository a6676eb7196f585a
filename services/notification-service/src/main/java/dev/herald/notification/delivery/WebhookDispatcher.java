package dev.herald.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Works through the deliveries that are due, one attempt each per pass: a 2xx answer delivers, anything
 * else waits an exponentially growing back-off and tries again until the attempts run out.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookClient client;
    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private ScheduledExecutorService executor;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookClient client, WebhookProperties properties,
                      MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.client = client;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** One pass; returns how many attempts it made. */
    int dispatchDue() {
        int attempted = 0;
        Instant now = clock.instant();
        for (WebhookDelivery due : deliveries.due(now, properties.batchSize())) {
            var claimed = deliveries.claim(due.notificationId(), now, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                attempt(claimed.get());
                attempted++;
            }
        }
        return attempted;
    }

    private void attempt(WebhookDelivery delivery) {
        DeliveryAttempt attempt = client.post(delivery);
        int attempts = delivery.attemptCount() + 1;
        if (attempt.succeeded()) {
            deliveries.recordAttempt(delivery, attempt, DeliveryStatus.DELIVERED, null);
            Notifications.count(meters, "delivered");
        } else if (attempts >= properties.maxAttempts()) {
            deliveries.recordAttempt(delivery, attempt, DeliveryStatus.FAILED, null);
            Notifications.count(meters, "failed");
            log.warn("Webhook delivery {} to {} failed for good after {} attempts; last: {}",
                    delivery.notificationId(), delivery.url(), attempts, describe(attempt));
        } else {
            Instant next = clock.instant().plus(properties.backoffAfter(attempts));
            deliveries.recordAttempt(delivery, attempt, DeliveryStatus.PENDING, next);
            Notifications.count(meters, "retried");
            log.info("Webhook delivery {} attempt {} failed ({}); next at {}",
                    delivery.notificationId(), attempts, describe(attempt), next);
        }
    }

    private static String describe(DeliveryAttempt attempt) {
        return attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.error();
    }

    private void safePass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Webhook dispatch pass failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long millis = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safePass, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                // let a call under way finish; its lease frees the delivery for the next run if not
                if (!executor.awaitTermination(properties.connectTimeout().plus(properties.timeout()).toMillis(),
                        TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
