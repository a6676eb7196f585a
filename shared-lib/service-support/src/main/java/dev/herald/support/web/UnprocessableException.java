package dev.herald.support.web;

/** Well-formed and valid, but contradicts something the service already holds: 422. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
