package dev.herald.infra.embedded.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copies a mostly empty store file afresh before the store opens: only its live pages, into a new file that
 * then replaces it. Housekeeping while running keeps chunks live and fills holes, but the file's tail seldom
 * falls free, so a file that once grew stays that size. The copy is made beside the file, synced, and put in
 * place by one atomic rename, so a process killed half-way leaves the old file whole (and a leftover copy,
 * removed at the next open).
 */
public final class StoreFileRewrite {

    private static final Logger log = LoggerFactory.getLogger(StoreFileRewrite.class);

    /** What was found and done; sizes in bytes. */
    public record Outcome(boolean rewritten, long sizeBefore, long sizeAfter, int livePercent, long millis) {
    }

    private StoreFileRewrite() {
    }

    static Path copyOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".rewrite");
    }

    /** Rewrites {@code file} when the settings call for it; any failure leaves it as it was. */
    public static Outcome rewriteIfSparse(Path file, StoreSettings settings) {
        Path copy = copyOf(file);
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(copy);
            if (!Files.exists(file) || settings.rewriteAtOpenBelowLive() <= 0) {
                return new Outcome(false, 0, 0, 100, 0);
            }
            long before = Files.size(file);
            if (before < settings.rewriteAtOpenFrom()) {
                return new Outcome(false, before, before, 100, 0);
            }
            int live = livePercent(file);
            if (live >= settings.rewriteAtOpenBelowLive()) {
                return new Outcome(false, before, before, live, 0);
            }
            log.info("store file {} is {} MB, about {} % live data: copying its live pages afresh", file,
                    before >> 20, live);
            MVStore.compact(file.toString(), copy.toString(), settings.compressPages(), null);
            try (FileChannel written = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.toAbsolutePath().getParent());
            Outcome outcome = new Outcome(true, before, Files.size(file), live, (System.nanoTime() - started) / 1_000_000);
            log.info("store file rewritten: {} MB -> {} MB in {} ms", before >> 20, outcome.sizeAfter() >> 20, outcome.millis());
            return outcome;
        } catch (IOException | RuntimeException e) {
            // a full disk or a file another process holds: the store opens the file as it is
            log.warn("store file {} not rewritten: {}", file, e.toString());
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // removed at the next open
            }
            return new Outcome(false, 0, 0, 100, 0);
        }
    }

    /** The share of the file that live pages take: the chunks' share of the file times the live share of the chunks. */
    static int livePercent(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.getFillRate() * store.getFileStore().getChunksFillRate() / 100;
        } finally {
            store.close();
        }
    }

    private static void syncDirectory(Path directory) {
        // the rename is durable once the directory is; not every platform can open one for it
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // the rename reaches the disk with the next sync of the directory
        }
    }
}
