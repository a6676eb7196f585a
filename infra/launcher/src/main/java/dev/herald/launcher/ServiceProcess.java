package dev.herald.launcher;

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

/** One service jar running as a child JVM, its output going to a log file. */
public final class ServiceProcess {

    private final HeraldService service;
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ServiceProcess(HeraldService service, Process process, Path log, String baseUrl) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    static ServiceProcess start(HeraldService service, PlatformSettings settings, List<String> properties) throws IOException {
        return start(service, settings, settings.port(service), service.artifact(), properties);
    }

    /**
     * One instance of a service on the given port, logging to {@code logs/<name>.log} (appending, so a
     * restarted instance keeps the lines of the one before).
     */
    public static ServiceProcess start(HeraldService service, PlatformSettings settings, int port, String name,
                                       List<String> properties) throws IOException {
        Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
        Path log = logs.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        List<String> jvmOptions = settings.jvmOptionsOf(service);
        command.addAll(jvmOptions);
        Path jar = service.jar(settings.root());
        command.addAll(StartupCache.enabled()
                ? StartupCache.of(jar, java).launch(jvmOptions, trainingArguments(service, properties, settings))
                : List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        // one process at a time can listen on this port: the name survives a restart and no other instance has it
        if (service.isPublishingService()) command.add("--herald.outbox.instance=" + name + "@127.0.0.1:" + port);
        command.addAll(properties);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(service, process, log, "http://127.0.0.1:" + port);
    }

    /**
     * The service's own arguments on a throw-away port, index and database, so training touches nothing that
     * serves. The database matters as the store grows: search starting on an empty index rebuilds it from every
     * stored article, and with the real one at 115,000 articles the training run took minutes before the
     * service could start (and one past its ten would leave no cache at all).
     */
    static List<String> trainingArguments(HeraldService service, List<String> properties, PlatformSettings settings) {
        List<String> training = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        for (String property : properties) {
            training.add(property.startsWith("--herald.search.index-path=")
                    ? "--herald.search.index-path=" + settings.dataDir().resolve("startup-training-index").toAbsolutePath()
                    : property);
        }
        if (service.isPublishingService()) training.add("--spring.mongodb.database=" + trainingDatabase(service));
        return training;
    }

    /** Where a publishing service's start-up training keeps what it writes while starting, apart from its data. */
    static String trainingDatabase(HeraldService service) {
        return "herald-startup-training-" + service.artifact();
    }

    /** Waits until the service reports itself healthy, or fails with the tail of its log. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + service.readinessPath()))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.artifact() + " exited with code " + process.exitValue()
                        + "; last lines of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && (response.body().contains("\"UP\"") || response.body().contains("\"keys\""))) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.artifact() + " was not healthy after " + timeout.toSeconds()
                + " s; last lines of " + log + ":\n" + tail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public HeraldService service() {
        return service;
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Process process() {
        return process;
    }

    /** Asks for a graceful shutdown (SIGTERM), then insists. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
