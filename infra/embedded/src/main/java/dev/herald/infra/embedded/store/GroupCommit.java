package dev.herald.infra.embedded.store;

import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Makes writes durable before they are acknowledged, sharing one commit among concurrent writers.
 *
 * <p>A writer applies its change under the shared side of {@link #writes()}, takes a ticket, then calls
 * {@link #awaitDurable(long)}. Whoever gets the commit lock first commits (and syncs) everything applied
 * so far, so writers queued behind it usually find their ticket already covered and return without a
 * commit of their own. Commits take the exclusive side of the write lock, so a commit never captures
 * half of a write that touches several maps (a document and its indexes).
 */
public final class GroupCommit {

    private final MVStore store;
    private final boolean sync;
    private final ReadWriteLock writes = new ReentrantReadWriteLock();
    private final AtomicLong applied = new AtomicLong();
    private final Object commitLock = new Object();
    private long durable; // guarded by commitLock
    private final AtomicLong commits = new AtomicLong();

    /**
     * @param sync true forces each commit to the device (survives a power cut); false leaves it in the
     *             operating system's page cache (survives the process being killed, not the machine)
     */
    public GroupCommit(MVStore store, boolean sync) {
        this.store = store;
        this.sync = sync;
    }

    public ReadWriteLock writes() {
        return writes;
    }

    /** Called after a write is applied in memory; the ticket orders it against commits. */
    public long applied() {
        return applied.incrementAndGet();
    }

    /** Returns once everything applied up to the ticket is in the file (and on the device, with sync). */
    public void awaitDurable(long ticket) {
        synchronized (commitLock) {
            if (durable >= ticket) {
                return;
            }
            long upTo;
            writes.writeLock().lock();
            try {
                upTo = applied.get();
                store.commit();
            } finally {
                writes.writeLock().unlock();
            }
            if (sync) {
                store.sync();
            }
            durable = upTo;
            commits.incrementAndGet();
        }
    }

    /**
     * Runs a change to the file's layout (compaction) with every writer held off, then makes it durable:
     * the store's own commits inside it then never capture half of a write.
     */
    public void exclusively(Runnable housekeeping) {
        writes.writeLock().lock();
        try {
            housekeeping.run();
        } finally {
            writes.writeLock().unlock();
        }
        awaitDurable(applied());
    }

    /** How many commits were made: fewer than acknowledged writes whenever writers shared one. */
    public long commits() {
        return commits.get();
    }

    public long writesApplied() {
        return applied.get();
    }
}
