package dev.herald.support.outbox;

import java.time.Instant;

/**
 * An event waiting to leave, stored inside the same document as the state change that caused it,
 * so both are written by one single-document (hence atomic) update.
 */
public record OutboxEvent(String eventId, String type, String topic, String key, String payload, Instant when) {
}
