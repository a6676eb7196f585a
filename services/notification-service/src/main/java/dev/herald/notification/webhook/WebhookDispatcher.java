package dev.herald.notification.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the stored messages that are due, up to {@code concurrency} at a time. One thread fetches due ids
 * in batches and claims each just before a worker is free for it; the claim is a lease in the store, so
 * instances can share the work and a restart (or a crash mid-call) loses nothing: whatever was owed is
 * still stored, and due again once its lease ends. A new message wakes the thread at once; retries are
 * found by polling.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String BACKLOG_METER = "herald.notifications.webhook.backlog";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries messages;
    private final WebhookAttempts attempts;
    private final WebhookProperties properties;
    private final Clock clock;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private volatile Thread poller;
    private ExecutorService workers;
    private Semaphore idleWorkers;

    WebhookDispatcher(WebhookDeliveries messages, WebhookAttempts attempts, WebhookProperties properties,
                      MeterRegistry meters, Clock clock) {
        this.messages = messages;
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(BACKLOG_METER, backlog, AtomicLong::get)
                .description("Webhook messages owed and not yet delivered, failed or cancelled, retries included")
                .register(meters);
    }

    /** Tells the dispatcher a message may be due now, rather than at its next poll. */
    void nudge() {
        wakeUps.offer(Boolean.TRUE);
    }

    /** Recounts the messages owed for the backlog gauge: a count in the store, so it covers every instance. */
    void countBacklog() {
        backlog.set(messages.pending());
    }

    private void run() {
        Deque<String> candidates = new ArrayDeque<>();
        Instant backlogCountedAt = Instant.EPOCH;
        // a poller from before a stop and start that outlived its stop leaves the work to the new one
        while (running && Thread.currentThread() == poller) {
            try {
                if (Duration.between(backlogCountedAt, clock.instant()).compareTo(properties.backlogInterval()) >= 0) {
                    countBacklog();
                    backlogCountedAt = clock.instant();
                }
                if (candidates.isEmpty()) {
                    candidates.addAll(messages.due(clock.instant(), properties.batchSize()));
                    if (candidates.isEmpty()) {
                        wakeUps.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                }
                idleWorkers.acquire();
                startAttempt(candidates.poll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch failed, trying again shortly: {}", e.toString());
                candidates.clear();
                pause();
            }
        }
    }

    /** Claims the message and hands it to a worker; another instance may have claimed it since it was listed. */
    private void startAttempt(String id) {
        boolean handedOver = false;
        try {
            Instant now = clock.instant();
            Optional<WebhookMessage> claimed = messages.claim(id, now, now.plus(properties.lease()), UUID.randomUUID().toString());
            if (claimed.isPresent()) {
                workers.execute(() -> {
                    try {
                        attempts.attempt(claimed.get());
                    } catch (RuntimeException e) {
                        // the claim runs out and the message is tried again; nothing is lost but time
                        log.warn("Webhook message {} attempt failed unexpectedly: {}", id, e.toString());
                    } finally {
                        idleWorkers.release();
                    }
                });
                handedOver = true;
            }
        } finally {
            if (!handedOver) {
                idleWorkers.release();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        workers = Executors.newFixedThreadPool(properties.concurrency(), Thread.ofPlatform().name("webhook-sender-", 1).daemon().factory());
        idleWorkers = new Semaphore(properties.concurrency());
        running = true;
        poller = new Thread(this::run, "webhook-dispatcher");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        workers.shutdown();
        try {
            // calls under way may finish; one that does not is tried again when its lease ends
            poller.join(1_000);
            if (!workers.awaitTermination(properties.connectTimeout().plus(properties.timeout()).toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
