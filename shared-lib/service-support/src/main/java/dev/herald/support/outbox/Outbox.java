package dev.herald.support.outbox;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.support.events.EventCodec;
import dev.herald.support.tracing.TraceContexts;

/** Prepares events for an aggregate's outbox field. */
public class Outbox {

    private final EventCodec codec;
    private final TraceContexts traces;

    public Outbox(EventCodec codec) {
        this(codec, TraceContexts.none());
    }

    public Outbox(EventCodec codec, TraceContexts traces) {
        this.codec = codec;
        this.traces = traces;
    }

    public <T extends HeraldEvent> OutboxEvent entry(EventType<T> type, T event) {
        String violation = type.violation(event);
        if (violation != null) {
            throw new IllegalArgumentException("refusing to emit an event that breaks its contract: " + violation);
        }
        return new OutboxEvent(event.eventId().toString(), type.type(), type.topic(), event.articleId(),
                codec.encode(event), event.when(),
                traces.current());
    }
}
