package dev.herald.notification.inbox;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live streams of new notices as Server-Sent Events. Each stream reads its inbox from the store a few
 * times a second rather than listening in-process, so a notice made by any instance reaches a reader
 * connected to any other.
 */
@Component
class InboxStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);
    private static final int BATCH = 50;

    private final Inbox inbox;
    private final Clock clock;
    private final Duration poll;
    private final Duration heartbeat;
    // open streams, ended first at shutdown: the web server's graceful shutdown would otherwise wait out
    // every reader's stream (30 s) before the instance can stop
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("inbox-stream").daemon().factory());

    InboxStreams(Inbox inbox, Clock clock, StreamProperties properties) {
        this.inbox = inbox;
        this.clock = clock;
        this.poll = properties.pollInterval();
        this.heartbeat = properties.heartbeat();
    }

    /** Streams the owner's notices created from now on; a reader reconnecting after a gap reads the inbox for what it missed. */
    SseEmitter open(String owner, Duration open) {
        SseEmitter emitter = new SseEmitter(open.toMillis());
        AtomicReference<Instant> seen = new AtomicReference<>(clock.instant());
        AtomicReference<Instant> lastSent = new AtomicReference<>(clock.instant());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            streams.remove(emitter);
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        };
        streams.add(emitter);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        try {
            // a comment at once commits the response, so the reader knows the stream is open before any notice
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
            return emitter;
        }
        task.set(pollers.scheduleWithFixedDelay(() -> push(owner, emitter, seen, lastSent, stop), 0, poll.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    private void push(String owner, SseEmitter emitter, AtomicReference<Instant> seen, AtomicReference<Instant> lastSent,
                      Runnable stop) {
        try {
            List<Notification> fresh = inbox.createdAfter(owner, seen.get(), BATCH);
            for (Notification n : fresh) {
                emitter.send(SseEmitter.event().id(n.id()).name("notification")
                        .data(NotificationView.of(n), MediaType.APPLICATION_JSON));
                seen.set(n.createdAt());
                lastSent.set(clock.instant());
            }
            // a quiet stream still writes now and then: a reader gone away is noticed (the write fails) and
            // proxies that cut idle connections keep this one
            if (fresh.isEmpty() && !clock.instant().isBefore(lastSent.get().plus(heartbeat))) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                lastSent.set(clock.instant());
            }
        } catch (IOException | IllegalStateException gone) {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("inbox stream for {} failed; closing it: {}", owner, e.toString());
            stop.run();
            emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; readers reconnect to another instance and read what they missed from the inbox. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : List.copyOf(streams)) {
            emitter.complete();
        }
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which waits for requests still open. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void close() {
        pollers.shutdownNow();
    }
}
