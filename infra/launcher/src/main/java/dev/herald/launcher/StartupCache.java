package dev.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a Spring Boot jar from its extracted form with an ahead-of-time class cache, made once per
 * jar and JDK. A service's start is mostly class loading and linking; on a 2-core machine that restarts
 * services dozens of times (./herald up, the end-to-end and crash suites) the cache halves the CPU a
 * start costs (measured: 8.6 s to 3.1 s of CPU until the context is refreshed). The cache needs the
 * jar's classes on a plain class path, hence the extraction, and a training run that refreshes the
 * context and exits before anything starts listening or consuming.
 *
 * <p>JDKs before 25 lack the one-step cache ({@code -XX:AOTCacheOutput}) and get the extracted jar
 * alone. Anything that goes wrong while preparing falls back to the jar as built: the cache is an
 * optimisation, never a reason for a start to fail. {@code HERALD_STARTUP_CACHE=off} turns it off.
 */
public final class StartupCache {

    private static final String READY = "ready";
    private static final String FAILED = "failed";
    // threads of one launcher share a jar's cache; the file lock keeps other launchers out
    private static final Map<Path, Object> PREPARING = new ConcurrentHashMap<>();

    private final Path jar;
    private final Path dir;
    private final String java;

    private StartupCache(Path jar, Path dir, String java) {
        this.jar = jar;
        this.dir = dir;
        this.java = java;
    }

    /** The cache of a jar as it is now: a rebuilt jar gets a new one. */
    public static StartupCache of(Path jar, String java) {
        try {
            String stem = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            String key = stem + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis()
                    + "-jdk" + Runtime.version().feature() + "." + Runtime.version().interim() + "." + Runtime.version().update();
            return new StartupCache(jar, jar.resolveSibling("startup-cache").resolve(key), java);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getenv().getOrDefault("HERALD_STARTUP_CACHE", "on"));
    }

    /**
     * What follows the JVM options on the command line: {@code -jar} and the jar to run, with the cache
     * option before them when a cache is ready. Prepares the cache first if it is missing, running
     * {@code trainingArguments} (the application's own arguments, on a throw-away port) once.
     */
    public List<String> launch(List<String> jvmOptions, List<String> trainingArguments) {
        Object guard = PREPARING.computeIfAbsent(dir, d -> new Object());
        synchronized (guard) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!Files.exists(dir.resolve(READY)) && !Files.exists(dir.resolve(FAILED))) {
                        prepare(jvmOptions, trainingArguments);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return List.of("-jar", jar.toString());
            }
        }
        if (!Files.exists(dir.resolve(READY))) return List.of("-jar", jar.toString());
        List<String> launch = new ArrayList<>();
        if (Files.exists(aotCache())) launch.add("-XX:AOTCache=" + aotCache());
        launch.addAll(List.of("-jar", extractedJar().toString()));
        return launch;
    }

    private void prepare(List<String> jvmOptions, List<String> trainingArguments) throws IOException {
        removeStaleSiblings();
        Path log = dir.resolve("prepare.log");
        boolean extracted = run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.resolve("app").toString()), log, 5) && Files.exists(extractedJar());
        if (!extracted) {
            Files.writeString(dir.resolve(FAILED), "extraction failed; see prepare.log\n");
            return;
        }
        if (Runtime.version().feature() >= 25) {
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(jvmOptions);
            training.addAll(List.of("-XX:AOTCacheOutput=" + aotCache(), "-Dspring.context.exit=onRefresh", "-jar",
                    extractedJar().toString()));
            training.addAll(trainingArguments);
            // a refresh that fails half way still leaves a cache of what it loaded; no cache file is no harm
            run(training, log, 10);
        }
        Files.writeString(dir.resolve(READY), Runtime.version() + "\n");
    }

    private boolean run(List<String> command, Path log, int minutes) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the start-up cache of " + jar, e);
        }
    }

    private void removeStaleSiblings() throws IOException {
        String stem = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-";
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            for (Path stale : siblings.filter(p -> !p.equals(dir) && p.getFileName().toString().startsWith(stem)).toList()) {
                deleteTree(stale);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private Path aotCache() {
        return dir.resolve("app.aot");
    }

    private Path extractedJar() {
        return dir.resolve("app").resolve(jar.getFileName());
    }

    Path directory() {
        return dir;
    }
}
