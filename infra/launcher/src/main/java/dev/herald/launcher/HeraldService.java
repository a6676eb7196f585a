package dev.herald.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The processes the platform runs, each from its own runnable jar: the local token issuer, the four services
 * and the web console (last: it only calls the others).
 */
public enum HeraldService {
    AUTH("herald-auth-server", "infra/auth-server", 9000, "POST /oauth2/token (see ./herald token)"),
    INGEST("ingest-service", "services/ingest-service", 8081, "POST /api/reports, GET /api/reports/{id}"),
    MODERATION("moderation-service", "services/moderation-service", 8082,
            "GET /api/reviews?status=PENDING, POST /api/reviews/{id}/approve|reject"),
    SEARCH("search-service", "services/search-service", 8083, "GET /api/search?q=, GET /api/articles/{id}"),
    NOTIFICATION("notification-service", "services/notification-service", 8084,
            "POST /api/subscriptions, GET /api/subscribers/{s}/notifications"),
    CONSOLE("console-service", "services/console-service", 8080,
            "the web console: open it in a browser, sign in with an account id and its secret");

    private final String artifact;
    private final String module;
    private final int defaultPort;
    private final String endpoints;

    HeraldService(String artifact, String module, int defaultPort, String endpoints) {
        this.artifact = artifact;
        this.module = module;
        this.defaultPort = defaultPort;
        this.endpoints = endpoints;
    }

    /**
     * Where the launcher asks whether the process is ready: the services' health, or for the issuer its
     * public signing keys (everything else of it wants credentials).
     */
    public String readinessPath() {
        return this == AUTH ? "/oauth2/jwks" : "/actuator/health";
    }

    /** True for the four services that talk to Kafka and the store. */
    public boolean isPublishingService() {
        return this != AUTH && this != CONSOLE;
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

    /** JVM options of this service alone, added after HERALD_SERVICE_JAVA_OPTS. */
    public String javaOptionsVariable() {
        return "HERALD_" + name() + "_JAVA_OPTS";
    }

    public Path jar(Path root) {
        Path target = root.resolve(module).resolve("target");
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
