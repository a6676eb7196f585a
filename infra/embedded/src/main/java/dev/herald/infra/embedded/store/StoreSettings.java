package dev.herald.infra.embedded.store;

import java.time.Duration;

/**
 * How the embedded store looks after its file, with the defaults in {@link #defaults()}.
 *
 * @param housekeepingInterval how often sparse chunks are rewritten and the file's tail moved into holes
 * @param compactBelowFillRate rewrite chunks while less than this percentage of the chunks' bytes is live
 * @param compactBytesPerPass  the live bytes one step of a pass rewrites (writers wait for it)
 * @param compactTimePerPass   how long a pass keeps taking steps while less than {@code sparseBelowFillRate}
 *                             percent of the chunks' bytes is live; zero for one step.
 *                             Under a sustained load one step every few seconds fell behind: the chunks of a
 *                             pre-loaded store were 21 % live and its file five times its data
 * @param shrinkBelowFillRate  move chunks from the end of the file into free space while less than this
 *                             percentage of the file is in use
 * @param moveBytesPerPass     the most bytes one pass moves
 * @param retention            how long a chunk's space is kept after the chunk was written before it may
 *                             be reused (MVStore's retention time). H2's 45 s guards readers that pin
 *                             nothing and writes the device may reorder; here each command pins its
 *                             version and each commit is synced before the next, so it decides only how
 *                             far a burst of commits (one per acknowledged write) grows the file. Not 0:
 *                             H2 then reuses a chunk's blocks while the chunk map still lists it
 * @param rewriteAtOpenBelowLive when the store opens, its file is copied afresh (live pages only) if less than this
 *                             percentage of it is live data; zero never. Moving chunks while running fills holes
 *                             but seldom frees the file's tail: a pre-loaded file stayed 10.4 GB for 4.0 GB of data
 *                             through 1,000 passes, and the copy took 12 s
 * @param rewriteAtOpenFrom    the smallest file so copied, in bytes: below it the copy gains little
 * @param compressPages        pages written from now on are LZF-compressed (a file holds both kinds; each page says
 *                             which it is). Every document of a page repeats its field names, and a review repeats its
 *                             text as submitted, published and drafted: half a million reports took a 35 GB file
 *                             uncompressed, so a million did not fit a 70 GB disk
 */
public record StoreSettings(Duration housekeepingInterval, int compactBelowFillRate, int compactBytesPerPass,
                            Duration compactTimePerPass, int sparseBelowFillRate, int shrinkBelowFillRate, int moveBytesPerPass,
                            Duration retention, int rewriteAtOpenBelowLive, long rewriteAtOpenFrom, boolean compressPages) {

    public static StoreSettings defaults() {
        // 50 ms of every 500 keep the chunks of a store under sustained writes about two-thirds live: one 4 MB step
        // every 5 s left them a third live and the file 3.2 times its data (StoreFileSizeBench, 40,000 writes)
        return new StoreSettings(Duration.ofMillis(500), 80, 4 * 1024 * 1024, Duration.ofMillis(50), 60, 80,
                8 * 1024 * 1024,
                Duration.ofSeconds(5), 50, 256L * 1024 * 1024, true);
    }

    /** Settings whose file is never copied at open, for what measures the store running. */
    public StoreSettings(Duration housekeepingInterval, int compactBelowFillRate, int compactBytesPerPass,
                         Duration compactTimePerPass, int sparseBelowFillRate, int shrinkBelowFillRate, int moveBytesPerPass,
                         Duration retention) {
        this(housekeepingInterval, compactBelowFillRate, compactBytesPerPass, compactTimePerPass, sparseBelowFillRate,
                shrinkBelowFillRate, moveBytesPerPass, retention, 0, 0, true);
    }

    public StoreSettings withRewriteAtOpen(int belowLive, long from) {
        return new StoreSettings(housekeepingInterval, compactBelowFillRate, compactBytesPerPass, compactTimePerPass,
                sparseBelowFillRate, shrinkBelowFillRate, moveBytesPerPass, retention, belowLive, from, compressPages);
    }

    public StoreSettings withRetention(Duration retention) {
        return new StoreSettings(housekeepingInterval, compactBelowFillRate, compactBytesPerPass, compactTimePerPass,
                sparseBelowFillRate, shrinkBelowFillRate, moveBytesPerPass, retention, rewriteAtOpenBelowLive, rewriteAtOpenFrom,
                compressPages);
    }

    public StoreSettings withCompaction(Duration interval, Duration timePerPass) {
        return new StoreSettings(interval, compactBelowFillRate, compactBytesPerPass, timePerPass, sparseBelowFillRate,
                shrinkBelowFillRate, moveBytesPerPass, retention, rewriteAtOpenBelowLive, rewriteAtOpenFrom, compressPages);
    }

    public StoreSettings withCompressedPages(boolean compress) {
        return new StoreSettings(housekeepingInterval, compactBelowFillRate, compactBytesPerPass, compactTimePerPass,
                sparseBelowFillRate, shrinkBelowFillRate, moveBytesPerPass, retention, rewriteAtOpenBelowLive, rewriteAtOpenFrom,
                compress);
    }
}
