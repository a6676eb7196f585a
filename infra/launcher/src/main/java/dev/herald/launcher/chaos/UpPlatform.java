package dev.herald.launcher.chaos;

import dev.herald.launcher.HeraldService;
import dev.herald.launcher.PlatformSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform exactly as a developer runs it: one {@code ./herald up} process holding the broker and
 * the store, with the services as its children. Killing it with SIGKILL is the power cut of the issue
 * that began the crash-safety work; starting it again on the same data must bring back everything it
 * acknowledged.
 */
public final class UpPlatform implements Deployment {

    private final PlatformSettings settings;
    private final Path log;
    private Process launcher;

    private UpPlatform(PlatformSettings settings) {
        this.settings = settings;
        this.log = settings.dataDir().resolve("up.log");
    }

    public static UpPlatform start(PlatformSettings settings) throws IOException, InterruptedException {
        UpPlatform platform = new UpPlatform(settings);
        Files.createDirectories(settings.dataDir());
        platform.launch();
        return platform;
    }

    private void launch() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(ProcessPlatform.compilerOfThisJvm());
        command.addAll(List.of("-jar", ProcessPlatform.launcherJar(settings.root()).toString(), "--root=" + settings.root(), "up"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("HERALD_DATA_DIR", settings.dataDir().toAbsolutePath().toString());
        env.put("HERALD_KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        env.put("HERALD_MONGO_PORT", Integer.toString(settings.mongoPort()));
        env.put("HERALD_RATE_LIMITS", "false");
        // the console keeps nothing of its own to lose: two JVM starts fewer for each run of the scenario
        env.put("HERALD_CONSOLE", "false");
        for (HeraldService service : HeraldService.values()) {
            env.put(service.portVariable(), Integer.toString(settings.port(service)));
        }
        long from = LogMarker.end(log);
        launcher = builder.start();
        LogMarker.await("./herald up", launcher, log, from, "Herald is up.", Duration.ofMinutes(4));
    }

    /** SIGKILL to the launcher alone, as a power cut of its terminal would: its children are left orphaned. */
    public void killAndRestart(Duration outage) throws IOException, InterruptedException {
        launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(outage.toMillis());
        launch();
    }

    @Override
    public PlatformSettings settings() {
        return settings;
    }

    @Override
    public List<String> urls(HeraldService service) {
        return List.of(settings.baseUrl(service));
    }

    @Override
    public String kafkaBootstrap() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    @Override
    public void close() {
        if (launcher == null || !launcher.isAlive()) return;
        // the running launcher and its services only: the processes killed before are not counted
        double cpu = java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher.toHandle()), launcher.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum() / 1000.0;
        System.out.printf(java.util.Locale.ROOT, "herald chaos: CPU of ./herald up as it stops (the launcher and its services "
                + "since their last start) %.0f s%n", cpu);
        launcher.destroy(); // SIGTERM: its shutdown hook stops the services, the store and the broker
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) launcher.destroyForcibly();
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
