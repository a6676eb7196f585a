package dev.herald.support.outbox;

import java.time.Instant;

/**
 * An event waiting to leave, stored inside the same document as the state change that caused it,
 * so both are written by one single-document (hence atomic) update.
 *
 * @param traceparent the W3C trace context the event was written in (null without one): the relay sends
 *                    on a thread of its own, maybe after a restart, and continues the trace from it
 */
public record OutboxEvent(String eventId, String type, String topic, String key, String payload, Instant when,
                          String traceparent) {
}
