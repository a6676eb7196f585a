package dev.herald.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What PublishingPipelineIT needs to run the README's tour as it stands: the block and its output found by
 * their markers, valid bash, and the test platform's ports put where the README says localhost:808x.
 */
class ReadmeTourTest {

    private static final Path ROOT = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theReadmeMarksOneTourAndTheOutputItPrints() throws IOException {
        ReadmeTour tour = ReadmeTour.of(ROOT.resolve("README.md"));

        assertThat(tour.script()).startsWith("UNIT=$(./herald token UNIT ").contains("localhost:8081/api/reports")
                .contains("localhost:8082/api/reviews/$ID/approve").contains("localhost:8083/api/search");
        assertThat(tour.expectedOutput().lines()).hasSize(3).first().asString().contains("\"status\":\"PENDING\"");
    }

    @Test
    void theTourIsValidBash() throws Exception {
        Path script = Files.writeString(Files.createTempFile("tour", ".sh"), ReadmeTour.of(ROOT.resolve("README.md")).script());

        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(output).isZero();
    }

    @Test
    void aMarkerWithoutItsFencedBlockIsAMistakeNotAnEmptyTour() {
        assertThatThrownBy(() -> ReadmeTour.fenced("<!-- tour:begin -->\nplain text\n<!-- tour:end -->", "tour"))
                .hasMessageContaining("one fenced code block");
        assertThatThrownBy(() -> ReadmeTour.fenced("no markers at all", "tour")).hasMessageContaining("exactly one");
    }

    @Test
    void curlReachesTheTestPlatformsPortsWhereTheReadmeSaysLocalhost(@TempDir Path dir) throws Exception {
        // a curl that prints its arguments stands in for the real one
        Path fake = dir.resolve("curl");
        Files.writeString(fake, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        PlatformSettings settings = new PlatformSettings(ROOT, dir, 1, 2, Map.of(HeraldService.INGEST, 18081,
                HeraldService.MODERATION, 18082, HeraldService.SEARCH, 18083, HeraldService.NOTIFICATION, 18084), false, "", false);
        Path script = Files.writeString(dir.resolve("tour.sh"), ReadmeTour.curlOnPorts(settings)
                + "curl -s \"localhost:8083/api/search?q=x\" -H 'Authorization: Bearer a b'\ncurl localhost:8082/api/reviews/1\n");

        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(output).isZero();
        assertThat(output.lines()).containsExactly("-s", "127.0.0.1:18083/api/search?q=x", "-H", "Authorization: Bearer a b",
                "127.0.0.1:18082/api/reviews/1");
    }
}
