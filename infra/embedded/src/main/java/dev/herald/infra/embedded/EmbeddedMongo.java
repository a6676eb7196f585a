package dev.herald.infra.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.herald.infra.embedded.store.DurableBackend;
import dev.herald.infra.embedded.store.IdLookupH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server on loopback that the real MongoDB driver talks to. With a data directory it
 * keeps its data in an H2 MVStore file, so the platform's state survives a restart, and answers a write
 * only once it is in that file ({@link DurableBackend}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    /** A store whose acknowledged writes survive a killed process and a power cut (each commit is synced). */
    public static EmbeddedMongo onDisk(Path dataDir, int port) {
        return onDisk(dataDir, port, true);
    }

    /**
     * @param sync true syncs each (group) commit to the device; false leaves it to the operating system,
     *             which keeps writes across a killed process but not across a power cut
     */
    public static EmbeddedMongo onDisk(Path dataDir, int port, boolean sync) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDir, e);
        }
        H2Backend file = new IdLookupH2Backend(dataDir.resolve("herald.mv").toAbsolutePath().toString());
        return start(new DurableBackend(file, sync), port);
    }

    public static EmbeddedMongo inMemory(int port) {
        return start(new MemoryBackend(), port);
    }

    private static EmbeddedMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        log.info("MongoDB-wire server listening on 127.0.0.1:{}", port);
        return new EmbeddedMongo(server, backend, port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        if (backend instanceof DurableBackend || backend instanceof H2Backend) {
            backend.close();
        }
    }
}
