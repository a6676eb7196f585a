package dev.herald.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * @param schedule        the wait before each attempt, the first counted from when the message is owed; as many
 *                        attempts as entries. The default is Svix's: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
 * @param jitter          each wait is moved by up to this fraction either way, so messages that failed together
 *                        (an endpoint's outage) do not all come back at the same instant
 * @param maxRetryAfter   the longest Retry-After honoured; a receiver cannot park messages beyond it
 * @param pollInterval    how often the dispatcher looks for retries that fell due (new messages wake it at once)
 * @param batchSize       how many due messages one look fetches
 * @param concurrency     calls under way at once
 * @param connectTimeout  how long to wait for the receiver's connection
 * @param timeout         how long to wait for the receiver's answer
 * @param backlogInterval how often the backlog gauge is recounted
 * @param allowLoopback   let webhooks reach 127.0.0.0/8 and ::1 (tests, and a receiver on the same machine under
 *                        {@code ./herald up}); refused by default like every private address, so a subscriber's URL
 *                        cannot turn the service into a way into its own network
 * @param allowedNetworks address blocks webhooks may reach although private, e.g. {@code 10.20.0.0/16} for an
 *                        in-house receiver; none by default
 * @param allowedPorts    ports a public host may be called on besides 80 and 443, e.g. {@code 8443}; none by default.
 *                        Loopback (when allowed) and the allowed networks may be called on any port
 */
@ConfigurationProperties("herald.notification.webhook")
public record WebhookProperties(List<Duration> schedule, Double jitter, Duration maxRetryAfter, Duration pollInterval,
                                Integer batchSize, Integer concurrency, Duration connectTimeout, Duration timeout,
                                Duration backlogInterval, Boolean allowLoopback, List<String> allowedNetworks,
                                List<Integer> allowedPorts) {

    static final List<Duration> SVIX_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    public WebhookProperties {
        schedule = schedule == null || schedule.isEmpty() ? SVIX_SCHEDULE : List.copyOf(schedule);
        jitter = jitter == null ? 0.2 : jitter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofHours(10) : maxRetryAfter;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        concurrency = concurrency == null ? 8 : concurrency;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        backlogInterval = backlogInterval == null ? Duration.ofSeconds(15) : backlogInterval;
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        allowedPorts = allowedPorts == null ? List.of() : List.copyOf(allowedPorts);
        if (allowedPorts.stream().anyMatch(p -> p < 1 || p > 65_535)) {
            throw new IllegalArgumentException("herald.notification.webhook.allowed-ports must be between 1 and 65535");
        }
        if (schedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("herald.notification.webhook.schedule: waits cannot be negative");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("herald.notification.webhook.jitter must be at least 0 and below 1");
        }
        if (batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("herald.notification.webhook.batch-size and concurrency must be positive");
        }
        if (!pollInterval.isPositive() || !connectTimeout.isPositive() || !timeout.isPositive()
                || !backlogInterval.isPositive() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("herald.notification.webhook intervals and timeouts must be positive");
        }
    }

    /** The ports a public host may be called on: the web's, and the ones configured besides. */
    Set<Integer> publicPorts() {
        Set<Integer> ports = new TreeSet<>(List.of(80, 443));
        ports.addAll(allowedPorts);
        return ports;
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(schedule, jitter, maxRetryAfter);
    }

    /**
     * How long a claimed message stays hidden from other dispatchers: longer than an attempt can take, so
     * only a dispatcher that died mid-attempt lets another one try it again.
     */
    Duration lease() {
        return connectTimeout.plus(timeout).multipliedBy(2).plusSeconds(30);
    }
}
