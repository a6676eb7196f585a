package dev.herald.console.subscriber;

import dev.herald.console.platform.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays notification-service's inbox stream to the browser: each notice arrives as the inbox's own row, rendered
 * here (escaped by the template, as on the page), so the page only has to insert it. The service's keep-alives
 * pass through, so a browser gone away is noticed at the next write and the service's stream is closed with it.
 */
@Component
class InboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ITemplateEngine templates;
    private final Formats formats;
    // open relays, ended first at shutdown: the web server's graceful shutdown would otherwise wait for each
    // browser's stream to end by itself
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    InboxRelay(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
    }

    /** Reads the service's stream on a thread of its own until it ends, or the browser goes. */
    void relay(InputStream upstream, SseEmitter emitter, String csrfToken) {
        open.add(emitter);
        Runnable close = () -> {
            open.remove(emitter);
            try {
                upstream.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        Thread.ofVirtual().name("inbox-relay").start(() -> {
            try {
                pump(upstream, emitter, csrfToken);
                emitter.complete();
            } catch (IOException | IllegalStateException gone) {
                // the browser left, or the service closed its side: either way this stream is over
                close.run();
                emitter.completeWithError(gone);
            } catch (RuntimeException e) {
                log.warn("inbox relay failed; closing it: {}", e.toString());
                close.run();
                emitter.completeWithError(e);
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every relay; browsers reconnect (to another instance, or this one once back) and read what they missed. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : List.copyOf(open)) {
            emitter.complete();
        }
        open.clear();
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

    private void pump(InputStream upstream, SseEmitter emitter, String csrfToken) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isEmpty()) {
                if ("notification".equals(event) && !data.isEmpty()) {
                    Notices.Notice notice = JSON.readValue(data.toString(), Notices.Notice.class);
                    emitter.send(SseEmitter.event().id(notice.id()).name("notice").data(row(notice, csrfToken)));
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) data.append('\n');
                data.append(line.substring(5).stripLeading());
            }
        }
    }

    /** The inbox page's row for one notice, on one line: an SSE data field ends at a line break. */
    String row(Notices.Notice notice, String csrfToken) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, Map.of("n", notice,
                "time", formats.time(notice.createdAt()), "csrf", csrfToken == null ? "" : csrfToken));
        return templates.process("inbox", Set.of("notice"), context).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
