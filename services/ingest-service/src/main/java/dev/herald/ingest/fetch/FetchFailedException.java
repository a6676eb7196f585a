package dev.herald.ingest.fetch;

/** A page or feed that could not be fetched, with a reason a unit can act on. */
public class FetchFailedException extends RuntimeException {

    public FetchFailedException(String message) {
        super(message);
    }
}
