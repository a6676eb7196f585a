package dev.herald.support.deadletter;

import java.util.List;

/** Where a dead letter stands. PENDING and FAILING are open: they count in the depth gauge. */
public enum DeadLetterStatus {
    /** as the binder dead-lettered it, not yet replayed */
    PENDING,
    /** replayed, and the handler failed again; the newest replay says why */
    FAILING,
    /** replayed, and the handler succeeded (or had processed the event before) */
    REPLAYED,
    /** an administrator gave up on it; kept for the record */
    DISCARDED;

    static final List<DeadLetterStatus> OPEN = List.of(PENDING, FAILING);
}
