package dev.herald.infra.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.herald.infra.embedded.store.DurableBackend;
import dev.herald.infra.embedded.store.IndexedH2Backend;
import dev.herald.infra.embedded.store.StoreFileRewrite;
import dev.herald.infra.embedded.store.StoreHousekeeping;
import dev.herald.infra.embedded.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private ScheduledExecutorService upkeep;
    private IndexedH2Backend file;

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
        return onDisk(dataDir, port, sync, StoreSettings.defaults());
    }

    public static EmbeddedMongo onDisk(Path dataDir, int port, boolean sync, StoreSettings settings) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDir, e);
        }
        Path fileName = dataDir.resolve("herald.mv").toAbsolutePath();
        StoreFileRewrite.rewriteIfSparse(fileName, settings);
        IndexedH2Backend file = new IndexedH2Backend(fileName.toString(), settings.compressPages());
        file.getMvStore().setRetentionTime(Math.toIntExact(settings.retention().toMillis()));
        DurableBackend durable = new DurableBackend(file, sync);
        EmbeddedMongo store = start(durable, port);
        store.file = file;
        store.keepUp(durable, new StoreHousekeeping(file.getMvStore(), durable.groupCommit(), settings), settings);
        return store;
    }

    // one thread for both, so a TTL pass and a compaction never wait on each other's lock
    private void keepUp(DurableBackend durable, StoreHousekeeping housekeeping, StoreSettings settings) {
        upkeep = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        // MongoDB's TTL monitor runs once a minute; losing a pass to a crash only delays it
        upkeep.scheduleWithFixedDelay(() -> {
            try {
                int expired = durable.write(() -> file.expire(Instant.now()));
                if (expired > 0) {
                    log.debug("expired {} documents past their TTL", expired);
                }
            } catch (RuntimeException e) {
                log.warn("TTL pass failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
        long every = settings.housekeepingInterval().toMillis();
        upkeep.scheduleWithFixedDelay(() -> {
            try {
                housekeeping.pass();
            } catch (RuntimeException e) {
                log.warn("store housekeeping failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public static EmbeddedMongo inMemory(int port) {
        return start(new MemoryBackend(), port);
    }

    /**
     * A connection's commands run on the thread of its event loop, so one long command (a scan of a large
     * collection) holds up every connection sharing that loop, other services' included: with netty's default
     * of two loops a core, a 12 s moderation listing timed out reads of four services at once. More loops
     * than connections are ever busy keep such a command to its own connection; an idle loop costs a thread.
     */
    static final int CONNECTION_THREADS = 32;

    static EmbeddedMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind(new java.net.InetSocketAddress("127.0.0.1", port), 1, CONNECTION_THREADS);
        log.info("MongoDB-wire server listening on 127.0.0.1:{}", port);
        return new EmbeddedMongo(server, backend, port);
    }

    /** The file backend, to run its TTL pass at a chosen instant; absent for an in-memory store. */
    public IndexedH2Backend indexedBackend() {
        if (file == null) {
            throw new IllegalStateException("an in-memory store has no file backend");
        }
        return file;
    }

    /** Commits the file store has made, to tell a write that waited for one from a write that did not. */
    public long commits() {
        if (!(backend instanceof DurableBackend durable)) {
            throw new IllegalStateException("an in-memory store makes no commits");
        }
        return durable.groupCommit().commits();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (upkeep != null) {
            // not shutdownNow: an interrupt inside a file operation closes the store's channel
            upkeep.shutdown();
            try {
                upkeep.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.shutdown();
        if (backend instanceof DurableBackend || backend instanceof H2Backend) {
            backend.close();
        }
    }
}
