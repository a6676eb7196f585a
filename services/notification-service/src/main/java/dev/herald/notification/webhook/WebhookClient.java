package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryAttempt;
import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.GuardedDnsResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * POSTs one signed message once and reports how it went; it never throws, because every failure is an
 * attempt to record. Redirects are not followed (the subscriber registered this exact URL), nothing is
 * retried behind the dispatcher's back, and every address connected to has passed the egress guard.
 */
@Component
class WebhookClient implements AutoCloseable {

    static final String LATENCY_METER = "herald.notifications.webhook.latency";

    /** @param retryAfter how long the receiver asked us to wait (Retry-After), or null */
    record Answer(DeliveryAttempt attempt, Duration retryAfter) {
    }

    private record Reply(int status, Duration retryAfter) {
    }

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookClient(WebhookProperties properties, EgressGuard guard, MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        this.deadline = properties.connectTimeout().plus(properties.timeout());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setMaxConnTotal(properties.concurrency() * 2)
                .setMaxConnPerRoute(properties.concurrency())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.timeout()))
                        // a receiver may drop an idle keep-alive connection; better a check than a failed attempt
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(properties.timeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.timeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Herald-Webhooks/1.0")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    Answer post(String url, String messageId, String secret, String body) {
        return post(url, messageId, List.of(secret), body);
    }

    /**
     * @param secrets every secret the message is signed with: during a rotation's overlap the new and the old one,
     *                each signature in the one {@code webhook-signature} header, separated by spaces (Standard Webhooks)
     */
    Answer post(String url, String messageId, List<String> secrets, String body) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        Duration retryAfter = null;
        String error = null;
        AtomicBoolean overran = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try {
            long timestamp = at.getEpochSecond();
            HttpPost post = new HttpPost(URI.create(url));
            post.setHeader("webhook-id", messageId);
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader("webhook-signature", secrets.stream()
                    .map(secret -> WebhookSignature.sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" ")));
            post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
            // the socket timeout bounds each read; this bounds the whole call, against a receiver trickling bytes
            watchdog = deadlines.schedule(() -> {
                overran.set(true);
                post.cancel();
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            Reply reply = http.execute(post, response ->
                    new Reply(response.getCode(), retryAfter(response.getFirstHeader("Retry-After"), at)));
            status = reply.status();
            retryAfter = reply.retryAfter();
        } catch (SocketTimeoutException e) {
            error = "timed out: " + e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = overran.get() ? "timed out after " + deadline.toMillis() + " ms"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        long nanos = System.nanoTime() - start;
        DeliveryAttempt attempt = new DeliveryAttempt(at, status, error, TimeUnit.NANOSECONDS.toMillis(nanos));
        Timer.builder(LATENCY_METER).description("Duration of webhook calls, answered or not")
                .tag("outcome", attempt.succeeded() ? "success" : "failure")
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        return new Answer(attempt, retryAfter);
    }

    /** Retry-After as delta-seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Header header, Instant now) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
