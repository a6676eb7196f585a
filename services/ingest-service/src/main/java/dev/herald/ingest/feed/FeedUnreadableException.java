package dev.herald.ingest.feed;

/** The feed was fetched but is no RSS or Atom ROME can read; recorded as the poll's error. */
class FeedUnreadableException extends RuntimeException {

    FeedUnreadableException(String message) {
        super(message);
    }
}
