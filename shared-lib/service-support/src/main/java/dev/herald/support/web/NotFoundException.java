package dev.herald.support.web;

/** The resource does not exist, or the caller may not know that it does: both answer 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
