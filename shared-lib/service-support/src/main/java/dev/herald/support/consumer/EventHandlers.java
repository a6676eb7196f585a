package dev.herald.support.consumer;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.support.events.EventCodec;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Builds the functions services bind to their input topics: decode against the contract (a broken
 * event throws and so ends in the dead-letter topic), then handle it at most once per consumer.
 */
public class EventHandlers {

    private final EventCodec codec;
    private final IdempotentConsumer once;

    public EventHandlers(EventCodec codec, IdempotentConsumer once) {
        this.codec = codec;
        this.once = once;
    }

    /**
     * @param consumer names this consumer in its processed-event records and meters, e.g. {@code search.article-published}
     */
    public <T extends HeraldEvent> Consumer<Message<byte[]>> once(String consumer, EventType<T> type, Consumer<T> handler) {
        return message -> {
            T event = codec.decode(message.getPayload(), type);
            once.handleOnce(consumer, event, () -> handler.accept(event));
        };
    }
}
