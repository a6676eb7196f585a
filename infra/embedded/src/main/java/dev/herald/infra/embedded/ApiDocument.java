package dev.herald.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's OpenAPI document as checked in under docs/api/, compared with the one its code generates. Run a
 * service's {@code ApiDocumentTest} with {@code -Dherald.api-docs.write=true} to write the generated one over
 * the file, then review and commit the difference.
 */
public final class ApiDocument {

    private ApiDocument() {
    }

    /** The generated document without its {@code servers}, which name whatever host served it. */
    public static String withoutServers(String yaml) {
        return yaml.replaceAll("(?m)^servers:\\n(?:[- ] .*\\n)*", "");
    }

    public static Path checkedIn(String service) {
        Path root = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
        return root.resolve("docs/api/" + service + ".yaml");
    }

    /** The checked-in document, after writing {@code generated} over it when asked to. */
    public static String read(String service, String generated) {
        Path file = checkedIn(service);
        try {
            if (Boolean.getBoolean("herald.api-docs.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
