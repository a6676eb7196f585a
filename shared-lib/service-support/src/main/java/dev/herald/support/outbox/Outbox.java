package dev.herald.support.outbox;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.support.events.EventCodec;

/** Prepares events for an aggregate's outbox field. */
public class Outbox {

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    public <T extends HeraldEvent> OutboxEvent entry(EventType<T> type, T event) {
        String violation = type.violation(event);
        if (violation != null) {
            throw new IllegalArgumentException("refusing to emit an event that breaks its contract: " + violation);
        }
        return new OutboxEvent(event.eventId().toString(), type.type(), type.topic(), event.articleId(),
                codec.encode(event), event.when());
    }
}
