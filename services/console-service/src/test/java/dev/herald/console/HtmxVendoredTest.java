package dev.herald.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The htmx the pages load is the release its README names, byte for byte. */
class HtmxVendoredTest {

    @Test
    void theVendoredFileHasTheChecksumItsReadmeRecords() throws Exception {
        Path folder = Path.of("src/main/resources/static/vendor/htmx");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(folder.resolve("htmx-2.0.10.min.js"))));

        assertThat(Files.readString(folder.resolve("README.md"))).contains("`" + sha256 + "`", "htmx 2.0.10");
        assertThat(Files.readString(Path.of("src/main/resources/templates/fragments.html"))).contains("htmx-2.0.10.min.js");
    }
}
