package dev.herald.support.web;

/** The request is valid but the resource's current state does not allow it: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
