package dev.herald.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * POSTs a delivery's payload once and reports how it went; it never throws, because every failure
 * is an attempt to record. Redirects are not followed: the subscriber registered this exact URL.
 */
@Component
class WebhookClient implements AutoCloseable {

    static final String LATENCY_METER = "herald.notifications.webhook.latency";

    private final HttpClient http;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookClient(WebhookProperties properties, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    DeliveryAttempt post(WebhookDelivery delivery) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("Webhook-Id", delivery.notificationId())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(delivery.payload())))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            error = "timed out: " + e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long nanos = System.nanoTime() - start;
        DeliveryAttempt attempt = new DeliveryAttempt(at, status, error, TimeUnit.NANOSECONDS.toMillis(nanos));
        Timer.builder(LATENCY_METER).description("Duration of webhook calls, answered or not")
                .tag("outcome", attempt.succeeded() ? "success" : "failure")
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        return attempt;
    }

    @Override
    public void close() {
        http.close();
    }
}
