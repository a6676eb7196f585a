package dev.herald.support.web;

import java.net.URI;

/**
 * The request is valid but the resource's current state does not allow it: 409. A conflict a client
 * should tell apart from the others (a rule refused it, not a race) carries its own problem type and title.
 */
public class ConflictException extends RuntimeException {

    private final URI type;
    private final String title;

    public ConflictException(String message) {
        this(null, null, message);
    }

    public ConflictException(URI type, String title, String message) {
        super(message);
        this.type = type;
        this.title = title;
    }

    /** The problem type, or null for the generic conflict. */
    public URI type() {
        return type;
    }

    public String title() {
        return title == null ? "Conflict" : title;
    }
}
