package dev.herald.infra.embedded;

/**
 * The two ways a fact reaches a consumer again that the processed-events guard cannot stop, so that only
 * the handler's own idempotency keeps the effect single.
 */
public enum Redelivery {

    /** The same fact under a new event id, as a producer that re-created the event after a crash sends it. */
    UNDER_A_NEW_EVENT_ID,

    /** The same event again after the consumer crashed between the handler's effect and its processed record. */
    AFTER_A_CRASH_BEFORE_THE_RECORD
}
