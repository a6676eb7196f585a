package dev.herald.support.consumer;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.support.events.EventCodec;
import dev.herald.support.events.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Builds the functions services bind to their input topics: decode against the contract (a broken
 * event throws and so ends in the dead-letter topic), then handle it at most once per consumer.
 */
public class EventHandlers {

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final MeterRegistry meters;

    public EventHandlers(EventCodec codec, IdempotentConsumer once, MeterRegistry meters) {
        this.codec = codec;
        this.once = once;
        this.meters = meters;
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
            once.handleOnce(consumer, event, () -> handler.accept(event));
        };
    }
}
