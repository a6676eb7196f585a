package dev.herald.console.platform;

/** The services a page may call; each label is a message key naming it as a person reads it. */
public enum Service {
    INGEST("service.ingest"), MODERATION("service.moderation"), SEARCH("service.search"), NOTIFICATION("service.notification");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
