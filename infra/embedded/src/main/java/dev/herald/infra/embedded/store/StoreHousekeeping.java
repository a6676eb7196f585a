package dev.herald.infra.embedded.store;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * The compaction MVStore's background thread would do, done by Herald instead, with every writer held
 * off: that thread commits whenever it likes, half-way through a write too, and rewrote the file while
 * the store was opening and scanning its collections, which then failed with "Chunk N not found".
 * A pass rewrites the live pages of sparse chunks, so whole chunks fall free and their space is reused,
 * then moves chunks from the end of the file into the holes, so the file shrinks.
 */
public final class StoreHousekeeping {

    /**
     * Passes in a row whose rewriting raised the chunks' fill rate by nothing, after which they stop rewriting while
     * the chunks are not mostly dead: a pre-loaded store settled at 76 % and went on taking a 4 MB step every pass
     * while idle.
     */
    static final int PASSES_WITHOUT_GAIN = 20;
    /** How far the fill rate must fall below the best it reached before rewriting is tried again. */
    static final int FALL_TO_RETRY = 5;
    /** Moves of chunks tried, for tests. */
    final java.util.concurrent.atomic.AtomicLong moves = new java.util.concurrent.atomic.AtomicLong();
    /** Compaction steps taken, for tests. */
    final java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();

    private final MVStore store;
    private int best = -1;
    private int passesWithoutGain;
    private int movesWithoutShrinking;
    private int fileFillWhenMovesStopped;
    private final GroupCommit commit;
    private final StoreSettings settings;

    public StoreHousekeeping(MVStore store, GroupCommit commit, StoreSettings settings) {
        this.store = store;
        this.commit = commit;
        this.settings = settings;
    }

    /** One bounded pass; durable when it returns. */
    public void pass() {
        commit.exclusively(() -> {
            if (worthRewriting()) {
                rewriteSparseChunks();
            }
            FileStore<?> file = store.getFileStore();
            if (file instanceof RandomAccessStore chunks && worthMoving(chunks)) {
                long size = chunks.size();
                chunks.compactMoveChunks(settings.shrinkBelowFillRate(), settings.moveBytesPerPass(), store);
                moves.incrementAndGet();
                movesWithoutShrinking = chunks.size() < size ? 0 : movesWithoutShrinking + 1;
                if (movesWithoutShrinking == PASSES_WITHOUT_GAIN) {
                    fileFillWhenMovesStopped = chunks.getFillRate();
                }
            } else {
                // what a move would have done first: give back the space of chunks no version needs any more
                file.dropUnusedChunks();
            }
        });
    }

    /**
     * H2 moves the chunks it finds between holes, not those at the file's end, so on a store whose holes are
     * scattered its moves shuffle chunks about and the file never shrinks: on a pre-loaded 10.4 GB file every pass
     * then spent about 50 ms moving 8 MB, writers held off, for nothing. Moving stops after
     * {@link #PASSES_WITHOUT_GAIN} passes that did not shrink the file, until deletes leave it
     * {@link #FALL_TO_RETRY} points emptier; what stays is left to the copy made when the store next opens
     * ({@link StoreFileRewrite}).
     */
    private boolean worthMoving(RandomAccessStore chunks) {
        if (movesWithoutShrinking < PASSES_WITHOUT_GAIN) {
            return true;
        }
        if (chunks.getFillRate() < fileFillWhenMovesStopped - FALL_TO_RETRY) {
            movesWithoutShrinking = 0;
            return true;
        }
        return false;
    }

    /**
     * Mostly dead chunks (under {@code sparseBelowFillRate}) are always worth rewriting: under a sustained load the
     * rate falls while passes work, and counting that as "no gain" left a pre-load's chunks 43 % live. Between that
     * and {@code compactBelowFillRate}, passes stop after {@link #PASSES_WITHOUT_GAIN} that gained nothing, until the
     * rate falls {@link #FALL_TO_RETRY} points below the best it reached. A chunk whose pages were rewritten is
     * dropped only some versions later, so gains are judged over passes.
     */
    private boolean worthRewriting() {
        int fill = store.getFileStore().getChunksFillRate();
        if (fill < settings.sparseBelowFillRate()) {
            best = fill;
            passesWithoutGain = 0;
            return true;
        }
        if (fill > best || fill < best - FALL_TO_RETRY) {
            best = fill;
            passesWithoutGain = 0;
        } else {
            passesWithoutGain++;
        }
        return passesWithoutGain < PASSES_WITHOUT_GAIN;
    }

    private void rewriteSparseChunks() {
        long until = System.nanoTime() + settings.compactTimePerPass().toNanos();
        boolean rewrote = store.compact(settings.compactBelowFillRate(), settings.compactBytesPerPass());
        // the rewritten pages must be in a chunk of their own before the old chunks can be dropped
        store.commit();
        steps.incrementAndGet();
        // more steps only while the chunks are mostly dead: a store whose chunks settle a little under the
        // first step's rate would otherwise rewrite the same pages for the whole time of every pass
        while (rewrote && System.nanoTime() < until) {
            rewrote = store.compact(settings.sparseBelowFillRate(), settings.compactBytesPerPass());
            store.commit();
            steps.incrementAndGet();
        }
    }
}
