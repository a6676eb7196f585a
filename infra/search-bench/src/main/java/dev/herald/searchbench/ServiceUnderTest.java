package dev.herald.searchbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real search service, its {@code -exec} jar run as its own JVM as in production, pointed at the
 * benchmark's store, broker and index. The heap is fixed and the JIT left whole (unlike {@code ./herald up},
 * which trims both for four services on a laptop), so the service is measured as it would be deployed.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");
    /** What the service logs when it fills its index from the store on start: the embedded one, the engine's. */
    private static final List<String> REBUILD_LINES = List.of("Rebuilding the search index", "Writing a new search engine index");

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ServiceUnderTest(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** @param engineHosts the OpenSearch nodes to search through, or empty for the embedded index at {@code index} */
    static ServiceUnderTest start(Path root, Path workDir, int port, String mongoUri, String kafka, Path index,
                                  List<String> engineHosts) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        // e.g. a flight recording of the service while it is measured
        String extra = System.getenv("HERALD_SEARCH_BENCH_SERVICE_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        if (Runtime.version().feature() >= 24) {
            // Kafka's client still uses sun.misc.Unsafe, which JDK 24+ warns about on every start
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", jar(root).toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--herald.search.index-path=" + index.toAbsolutePath(),
                // every query of the benchmark comes from one client address
                "--herald.rate-limits.enabled=false"));
        Path log = workDir.resolve(engineHosts.isEmpty() ? "search-service.log"
                : "search-service-opensearch-" + engineHosts.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        if (!engineHosts.isEmpty()) {
            // as an operator would set them
            builder.environment().put("HERALD_SEARCH_BACKEND", "opensearch");
            builder.environment().put("HERALD_SEARCH_ENGINE_HOSTS", String.join(",", engineHosts));
            builder.environment().put("HERALD_SEARCH_ENGINE_ALIAS", EngineBuild.ALIAS);
        }
        Process process = builder.start();
        return new ServiceUnderTest(process, log, "http://127.0.0.1:" + port);
    }

    static Path jar(Path root) throws IOException {
        Path target = root.resolve("services/search-service/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("search-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no search-service -exec jar in " + target));
        }
    }

    void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("search-service exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("search-service was not healthy after " + timeout.toSeconds() + " s; see " + log);
    }

    /** Whether the service rebuilt the index on start instead of opening the one the benchmark built. */
    boolean rebuiltOnStart() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> REBUILD_LINES.stream().anyMatch(line::contains));
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
