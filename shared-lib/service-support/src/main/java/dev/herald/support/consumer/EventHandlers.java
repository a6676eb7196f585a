package dev.herald.support.consumer;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.support.events.EventCodec;
import dev.herald.support.events.InvalidEventException;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the functions services bind to their input topics: decode against the contract (a broken
 * event throws and so ends in the dead-letter topic), then handle it at most once per consumer.
 */
public class EventHandlers {

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final MeterRegistry meters;
    private final TraceContexts traces;

    public EventHandlers(EventCodec codec, IdempotentConsumer once, MeterRegistry meters) {
        this(codec, once, meters, TraceContexts.none());
    }

    public EventHandlers(EventCodec codec, IdempotentConsumer once, MeterRegistry meters, TraceContexts traces) {
        this.codec = codec;
        this.once = once;
        this.meters = meters;
        this.traces = traces;
    }

    /**
     * @param consumer names this consumer in its processed-event records and meters, e.g. {@code search.article-published}
     */
    public <T extends HeraldEvent> Consumer<Message<byte[]>> once(String consumer, EventType<T> type, Consumer<T> handler) {
        return message -> {
            T event;
            try {
                event = codec.decode(message.getPayload(), type);
            } catch (InvalidEventException e) {
                meters.counter("herald.events.rejected", "consumer", consumer).increment();
                throw e;
            }
            // a span named for what this consumer does with the event (indexing, matching, opening a review),
            // inside the binder's receive span, which continues the producer's trace from the record's headers
            traces.inSpan("handle " + consumer, null, Map.of("herald.event.type", type.type(),
                            "herald.event.id", event.eventId().toString(), "herald.article.id", String.valueOf(event.articleId())),
                    () -> once.handleOnce(consumer, event, () -> handler.accept(event)));
        };
    }
}
