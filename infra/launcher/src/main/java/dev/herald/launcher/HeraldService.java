package dev.herald.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The four services the platform runs, each from its own runnable jar. */
public enum HeraldService {
    INGEST("ingest-service", 8081, "/api/reports"),
    MODERATION("moderation-service", 8082, "/api/reviews?status=PENDING"),
    SEARCH("search-service", 8083, "/api/search?q=疫情"),
    NOTIFICATION("notification-service", 8084, "/api/subscriptions");

    private final String artifact;
    private final int defaultPort;
    private final String samplePath;

    HeraldService(String artifact, int defaultPort, String samplePath) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.samplePath = samplePath;
    }

    public String artifact() {
        return artifact;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String samplePath() {
        return samplePath;
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
