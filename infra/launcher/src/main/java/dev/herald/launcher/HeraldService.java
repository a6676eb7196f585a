package dev.herald.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The four services the platform runs, each from its own runnable jar. */
public enum HeraldService {
    INGEST("ingest-service", 8081, "POST /api/reports, GET /api/reports/{id}"),
    MODERATION("moderation-service", 8082, "GET /api/reviews?status=PENDING, POST /api/reviews/{id}/approve|reject"),
    SEARCH("search-service", 8083, "GET /api/search?q=, GET /api/articles/{id}"),
    NOTIFICATION("notification-service", 8084, "POST /api/subscriptions, GET /api/subscribers/{s}/notifications");

    private final String artifact;
    private final int defaultPort;
    private final String endpoints;

    HeraldService(String artifact, int defaultPort, String endpoints) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.endpoints = endpoints;
    }

    public String artifact() {
        return artifact;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The main endpoints, for the banner `./herald up` prints. */
    public String endpoints() {
        return endpoints;
    }

    /** The environment variable that moves this service to another port, e.g. HERALD_INGEST_PORT. */
    public String portVariable() {
        return "HERALD_" + name() + "_PORT";
    }

    public Path jar(Path root) {
        Path target = root.resolve("services").resolve(artifact).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(artifact + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> missing(target));
        } catch (IOException e) {
            throw missing(target);
        }
    }

    private IllegalStateException missing(Path target) {
        return new IllegalStateException("no runnable jar for " + artifact + " in " + target
                + "; build it with ./herald build");
    }
}
