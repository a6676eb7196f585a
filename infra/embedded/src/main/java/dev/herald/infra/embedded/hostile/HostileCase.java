package dev.herald.infra.embedded.hostile;

/** One generated request body that the endpoint must refuse, and how it was made. */
public record HostileCase(String description, String body, String contentType) {

    @Override
    public String toString() {
        return description;
    }
}
