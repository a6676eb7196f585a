package dev.herald.launcher;

import dev.herald.infra.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformStartTest {

    @Test
    void aPortInUseStopsTheStartWithAMessageNamingThePortAndItsVariable(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<HeraldService, Integer> ports = new EnumMap<>(HeraldService.class);
            for (HeraldService service : HeraldService.values()) {
                ports.put(service, Ports.free());
            }
            ports.put(HeraldService.SEARCH, taken.getLocalPort());
            PlatformSettings settings = new PlatformSettings(data, data, Ports.free(), Ports.free(), ports, false, "", true);

            assertThatThrownBy(() -> Platform.start(settings, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(Platform.PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " for search-service (HERALD_SEARCH_PORT)");
        }
    }

    @Test
    void portsAndPlacesComeFromTheEnvironmentWithDefaults() {
        Map<String, String> env = Map.of("HERALD_INGEST_PORT", "18081", "HERALD_DATA_DIR", "/srv/herald");

        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), env::get);

        assertThat(settings.port(HeraldService.INGEST)).isEqualTo(18081);
        assertThat(settings.port(HeraldService.SEARCH)).isEqualTo(8083);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/herald"));
        // ./herald up starts the console on 8080; a test platform only when it asks for it
        assertThat(settings.port(HeraldService.CONSOLE)).isEqualTo(8080);
        assertThat(settings.starts(HeraldService.CONSOLE)).isTrue();
        assertThat(PlatformSettings.onFreePorts(Path.of("/repo"), Path.of("/tmp"), true).starts(HeraldService.CONSOLE)).isFalse();
        assertThat(PlatformSettings.onFreePorts(Path.of("/repo"), Path.of("/tmp"), true).withConsole().starts(HeraldService.CONSOLE)).isTrue();
    }

    @Test
    void theNotificationServiceMayGrowItsHeapFurtherThanTheOthersUnlessTheOperatorSetTheOptions() {
        PlatformSettings defaults = PlatformSettings.fromEnvironment(Path.of("/repo"), Map.<String, String>of()::get);

        assertThat(defaults.jvmOptionsOf(HeraldService.NOTIFICATION)).startsWith("-Xms64m", "-Xmx512m").endsWith("-Xmx1536m");
        assertThat(defaults.jvmOptionsOf(HeraldService.SEARCH)).contains("-Xmx512m").doesNotContain("-Xmx1536m");

        PlatformSettings shared = PlatformSettings.fromEnvironment(Path.of("/repo"),
                Map.of("HERALD_SERVICE_JAVA_OPTS", "-Xmx768m")::get);
        assertThat(shared.jvmOptionsOf(HeraldService.NOTIFICATION)).containsExactly("-Xmx768m");

        PlatformSettings own = PlatformSettings.fromEnvironment(Path.of("/repo"),
                Map.of("HERALD_SERVICE_JAVA_OPTS", "-Xmx768m", "HERALD_SEARCH_JAVA_OPTS", "-Xmx2g -XX:+UseParallelGC")::get);
        assertThat(own.jvmOptionsOf(HeraldService.SEARCH)).containsExactly("-Xmx768m", "-Xmx2g", "-XX:+UseParallelGC");
        assertThat(own.jvmOptionsOf(HeraldService.INGEST)).containsExactly("-Xmx768m");
    }

    @Test
    void upStartsNoConsoleWhenTheEnvironmentSaysSo() {
        PlatformSettings apiOnly = PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("HERALD_CONSOLE", "false")::get);

        assertThat(apiOnly.starts(HeraldService.CONSOLE)).isFalse();
        assertThat(apiOnly.starts(HeraldService.SEARCH)).isTrue();
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of("HERALD_KAFKA_PORT", "kafka")::get))
                .hasMessageContaining("HERALD_KAFKA_PORT=kafka is not a port number");
    }

    @Test
    void theCorpusReportsBecomeCleanSubmissionsWithoutPageChrome() {
        var submissions = CorpusReports.submissions();

        assertThat(submissions).hasSize(3);
        assertThat(submissions).allSatisfy(s -> {
            assertThat((String) s.get("body")).doesNotContain("上一篇", "下一篇", "为您推荐", "扫一扫", "当前位置");
            assertThat((String) s.get("body")).hasSizeGreaterThan(1_000);
        });
        assertThat(submissions.getFirst().get("title")).isEqualTo("如意先锋战疫情 党旗一线红");
    }
}
