package dev.herald.infra.embedded.store;

import java.time.Duration;

/**
 * How the embedded store looks after its file, with the defaults in {@link #defaults()}.
 *
 * @param housekeepingInterval how often sparse chunks are rewritten and the file's tail moved into holes
 * @param compactBelowFillRate rewrite chunks while less than this percentage of the chunks' bytes is live
 * @param compactBytesPerPass  the most live bytes one pass rewrites (writers wait for it)
 * @param shrinkBelowFillRate  move chunks from the end of the file into free space while less than this
 *                             percentage of the file is in use
 * @param moveBytesPerPass     the most bytes one pass moves
 */
public record StoreSettings(Duration housekeepingInterval, int compactBelowFillRate, int compactBytesPerPass,
                            int shrinkBelowFillRate, int moveBytesPerPass) {

    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofSeconds(5), 80, 4 * 1024 * 1024, 80, 8 * 1024 * 1024);
    }
}
