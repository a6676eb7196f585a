package dev.herald.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One running search service with its own index. Every instance reads every article into its index, so
 * each consumes under a group of its own and records the events it processed under its own name: two
 * instances sharing either would each see only part of the articles.
 */
public record SearchInstance(String id) {

    /** Kept beside the index files, which a rebuild of a damaged index leaves in place. */
    static final String ID_FILE = "instance-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public SearchInstance {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("herald.search.instance-id must be 1 to 64 letters, digits, '.', '_' or '-', not " + id);
        }
    }

    /** The configured id, else the one kept in the index folder, created there on first start. */
    static SearchInstance of(IndexProperties properties) {
        if (properties.instanceId() != null) {
            return new SearchInstance(properties.instanceId());
        }
        Path file = properties.indexPath().resolve(ID_FILE);
        try {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (VALID.matcher(kept).matches()) {
                return new SearchInstance(kept);
            }
        } catch (NoSuchFileException firstStart) {
            // created below
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return create(file);
    }

    /** Written aside and moved into place, so a crash never leaves a half-written id behind. */
    private static SearchInstance create(Path file) {
        SearchInstance instance = new SearchInstance(UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(file.getParent());
            Path pending = Files.createTempFile(file.getParent(), ID_FILE, ".tmp");
            Files.writeString(pending, instance.id(), StandardCharsets.UTF_8);
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instance;
    }

    /** The consumer group of a binding whose configured group is shared by all instances. */
    String group(String shared) {
        return shared.endsWith("-" + id) ? shared : shared + "-" + id;
    }

    /** How this instance's consumer of the named events appears in processed-event records and meters. */
    String consumer(String events) {
        return "search." + events + "@" + id;
    }
}
