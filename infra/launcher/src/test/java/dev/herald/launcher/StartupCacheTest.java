package dev.herald.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final List<String> JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void aJarThatCannotBeExtractedRunsAsBuilt(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }

        List<String> launch = StartupCache.of(jar, JAVA).launch(JVM, List.of());

        assertThat(launch).containsExactly("-jar", jar.toString());
        assertThat(StartupCache.of(jar, JAVA).directory().resolve("failed")).exists();
    }

    @Test
    void aServiceStartsFromItsExtractedJarWithTheCacheItsTrainingMade(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
        Path jar = Files.copy(HeraldService.AUTH.jar(root), dir.resolve(HeraldService.AUTH.jar(root).getFileName()));
        List<String> arguments = List.of("--server.port=0", "--herald.auth.accounts-file=" + dir.resolve("accounts.json"));

        List<String> launch = StartupCache.of(jar, JAVA).launch(JVM, arguments);

        Path extracted = StartupCache.of(jar, JAVA).directory().resolve("app").resolve(jar.getFileName());
        assertThat(launch).endsWith("-jar", extracted.toString());
        if (Runtime.version().feature() < 25) return; // no one-step cache before JDK 25: the extracted jar alone
        assertThat(launch.getFirst()).startsWith("-XX:AOTCache=");
        // AOTMode=on refuses to start with a cache that does not fit the jar: this start proves it fits
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(JVM);
        command.addAll(List.of("-XX:AOTMode=on", "-Dspring.context.exit=onRefresh"));
        command.addAll(launch);
        command.addAll(arguments);
        Process start = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("start.log").toFile()).start();
        assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(start.exitValue()).as(Files.readString(dir.resolve("start.log"))).isZero();
    }

    @Test
    void aRebuiltJarGetsANewCacheAndTheOldOneIsRemoved(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("plain.jar");
        Files.write(jar, new byte[] {1});
        StartupCache first = StartupCache.of(jar, JAVA);
        first.launch(JVM, List.of());
        Files.write(jar, new byte[] {1, 2});

        StartupCache second = StartupCache.of(jar, JAVA);
        second.launch(JVM, List.of());

        assertThat(second.directory()).isNotEqualTo(first.directory()).exists();
        assertThat(first.directory()).doesNotExist();
    }

    @Test
    void aServicesTrainingRunServesNothingItsDataOrIndexHold(@TempDir Path dir) {
        PlatformSettings settings = PlatformSettings.fromEnvironment(dir, name -> "HERALD_DATA_DIR".equals(name) ? dir.toString() : null);
        List<String> serving = List.of("--spring.mongodb.uri=mongodb://127.0.0.1:27017",
                "--herald.search.index-path=" + dir.resolve("search-index"));

        List<String> training = ServiceProcess.trainingArguments(HeraldService.SEARCH, serving, settings);

        assertThat(training).contains("--server.port=0", "--spring.mongodb.uri=mongodb://127.0.0.1:27017",
                "--herald.search.index-path=" + dir.resolve("startup-training-index").toAbsolutePath(),
                "--spring.mongodb.database=herald-startup-training-search-service");
        assertThat(training).doesNotContain("--herald.search.index-path=" + dir.resolve("search-index"));
        assertThat(ServiceProcess.trainingArguments(HeraldService.AUTH, List.of(), settings))
                .noneMatch(argument -> argument.startsWith("--spring.mongodb.database="));
    }
}
