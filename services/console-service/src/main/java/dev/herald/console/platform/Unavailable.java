package dev.herald.console.platform;

/** A service did not answer at all (down, or slower than the console waits). */
public class Unavailable extends RuntimeException {

    private final String service;

    public Unavailable(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
