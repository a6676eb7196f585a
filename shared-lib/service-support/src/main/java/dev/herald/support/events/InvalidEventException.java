package dev.herald.support.events;

import dev.herald.events.EventType;

/** An event that can never be processed, however often it is retried: it belongs in the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(EventType<?> type, String reason) {
        super(type.type() + " rejected: " + reason);
    }
}
