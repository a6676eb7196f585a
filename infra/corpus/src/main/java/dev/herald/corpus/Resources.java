package dev.herald.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The module's text resources, which live beside its classes so they cannot clash with another module's. */
final class Resources {

    private Resources() {
    }

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines that carry data: comments (#) and blank lines are for the reader. */
    static List<String> dataLines(String name) {
        return text(name).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}
