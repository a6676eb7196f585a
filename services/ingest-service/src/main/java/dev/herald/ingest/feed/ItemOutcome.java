package dev.herald.ingest.feed;

/** What became of one feed item. */
public enum ItemOutcome {
    /** A draft waits for the unit. */
    DRAFTED,
    /** A trusted unit's item went straight on as a report. */
    SUBMITTED,
    /** The unit already has a draft with the same text (another feed, a paste, a re-posted item). */
    DUPLICATE_CONTENT,
    /** Nothing to draft: no text and no page to read it from; {@code reason} says which. */
    INVALID
}
