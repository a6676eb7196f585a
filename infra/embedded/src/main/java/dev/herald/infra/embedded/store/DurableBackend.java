package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The H2 file backend with acknowledged writes made durable: a command that may have changed data is
 * answered only after a (group) commit holds it in the file. Without this the backend commits in the
 * background about once a second, and a process killed in between loses writes the clients were told
 * had succeeded.
 *
 * <p>Every command also holds on to the store version it started from until it has answered. The
 * library's maps read without that, and a reader then walks a tree whose older pages may sit in a chunk
 * the store has just declared unused and dropped once five newer versions exist ("Chunk N not found"):
 * with a commit per write, five versions pass within one scan of a large collection.
 */
public final class DurableBackend implements MongoBackend {

    /** Commands that change data or its shape; their answer waits for the commit. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final H2Backend delegate;
    private final MVStore store;
    private final GroupCommit commit;

    public DurableBackend(H2Backend delegate, boolean sync) {
        this.delegate = delegate;
        this.store = delegate.getMvStore();
        this.commit = new GroupCommit(store, sync);
    }

    public GroupCommit groupCommit() {
        return commit;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document count = pinned(() -> CountPipeline.answer(message.getDocument(), message.getDatabaseName(),
                delegate::resolveDatabase));
        if (count != null) {
            return count;
        }
        return durably(message.getDocument(), () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(query, () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return durably(query.getQuery(), () -> delegate.handleQuery(query));
    }

    /**
     * Applies a change no command carries (the TTL pass) as client writes are applied: never half in a
     * commit, durable when this returns.
     */
    public <T> T write(Supplier<T> change) {
        return apply(change, true);
    }

    private <T> T durably(Document document, Supplier<T> call) {
        String command = commandName(document);
        if (command == null || !WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return pinned(call);
        }
        return apply(call, !unjournaled(document));
    }

    /**
     * Applies a change never half in a commit; durable when this returns if asked. A write its client asked not to
     * wait for the journal ({@code writeConcern: {j: false}}) is answered once applied, as MongoDB answers it: it goes
     * into the next commit, which the next acknowledged write or the housekeeping pass (every half second) makes.
     */
    private <T> T apply(Supplier<T> change, boolean durable) {
        long ticket;
        commit.writes().readLock().lock();
        try {
            return pinned(change);
        } finally {
            // taken even when the change failed half-way: part of it may be applied
            ticket = commit.applied();
            commit.writes().readLock().unlock();
            // outside the read lock, or the committer would wait for the very writer that waits for it
            if (durable) commit.awaitDurable(ticket);
        }
    }

    private static boolean unjournaled(Document document) {
        return document.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    private <T> T pinned(Supplier<T> call) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return call.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    private static String commandName(Document document) {
        return document == null || document.isEmpty() ? null : document.keySet().iterator().next();
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        write(() -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
