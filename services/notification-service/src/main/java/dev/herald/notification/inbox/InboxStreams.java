package dev.herald.notification.inbox;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
class InboxStreams {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);
    private static final int BATCH = 50;

    private final Inbox inbox;
    private final Clock clock;
    private final Duration poll;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "inbox-stream");
        t.setDaemon(true);
        return t;
    });

    InboxStreams(Inbox inbox, Clock clock,
                 @Value("${herald.notification.stream.poll-interval:300ms}") Duration poll) {
        this.inbox = inbox;
        this.clock = clock;
        this.poll = poll;
    }

    /** Streams the owner's notices created from now on; a reader reconnecting after a gap reads the inbox for what it missed. */
    SseEmitter open(String owner, Duration open) {
        SseEmitter emitter = new SseEmitter(open.toMillis());
        AtomicReference<Instant> seen = new AtomicReference<>(clock.instant());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        };
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
        task.set(pollers.scheduleWithFixedDelay(() -> push(owner, emitter, seen, stop), 0, poll.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    private void push(String owner, SseEmitter emitter, AtomicReference<Instant> seen, Runnable stop) {
        try {
            List<Notification> fresh = inbox.createdAfter(owner, seen.get(), BATCH);
            for (Notification n : fresh) {
                emitter.send(SseEmitter.event().id(n.id()).name("notification")
                        .data(NotificationView.of(n), MediaType.APPLICATION_JSON));
                seen.set(n.createdAt());
            }
        } catch (IOException | IllegalStateException gone) {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("inbox stream for {} failed; closing it: {}", owner, e.toString());
            stop.run();
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void close() {
        pollers.shutdownNow();
    }
}
