package dev.herald.support.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A report's trace where no framework carries it: across a stored hand-over (the outbox, a webhook
 * message, a review waiting for its decision) the W3C {@code traceparent} is kept as text beside the
 * work and taken up again as the parent of the span that does it, maybe on another thread or days
 * later. Without a tracer (tracing off) every method does nothing and the work still runs.
 */
public class TraceContexts {

    /** The W3C Trace Context header, and the name the stored context goes by. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer == null ? Tracer.NOOP : tracer;
        this.propagator = propagator == null ? Propagator.NOOP : propagator;
    }

    public static TraceContexts none() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    }

    /** The traceparent of the span in scope, or null outside any (or with tracing off). */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs the work in a new span whose parent is the stored traceparent (the span in scope, or none,
     * when it is null). When a span in scope belongs to another trace (an approval's own HTTP request),
     * the new span links to it, so either trace leads to the other.
     */
    public <T> T inSpan(String name, String traceparent, Map<String, String> tags, Supplier<T> work) {
        try (Continued span = continueFrom(name, traceparent, tags)) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                span.failed(e);
                throw e;
            }
        }
    }

    public void inSpan(String name, String traceparent, Map<String, String> tags, Runnable work) {
        inSpan(name, traceparent, tags, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #inSpan}, for work that is not one call: the span is in scope until closed. */
    public Continued continueFrom(String name, String traceparent, Map<String, String> tags) {
        Span span = start(name, traceparent, tags);
        return new Continued(span, tracer.withSpan(span));
    }

    /** A span in scope, ended with its scope. */
    public static final class Continued implements AutoCloseable {

        private final Span span;
        private final Tracer.SpanInScope scope;

        private Continued(Span span, Tracer.SpanInScope scope) {
            this.span = span;
            this.scope = scope;
        }

        public void failed(Throwable e) {
            span.error(e);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    private Span start(String name, String traceparent, Map<String, String> tags) {
        Span.Builder builder = traceparent == null || traceparent.isBlank()
                ? null : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        if (builder == null) {
            Span span = tracer.nextSpan().name(name);
            tags.forEach(span::tag);
            return span.start();
        }
        builder.name(name);
        tags.forEach(builder::tag);
        Span current = tracer.currentSpan();
        if (current != null && !current.isNoop() && !traceparent.contains("-" + current.context().traceId() + "-")) {
            builder.addLink(new Link(current.context()));
        }
        return builder.start();
    }
}
