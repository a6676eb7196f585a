package dev.herald.searchbench;

import dev.herald.search.article.ArticleStore;
import dev.herald.search.index.ArticleIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Builds the index the way the service does when it starts without one: {@link ArticleIndex#rebuildFrom}
 * reading the store. Reading the store alone is timed first, so the report can tell the store's share
 * of a rebuild from Lucene's.
 */
final class IndexBuild {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** @param storeReadSeconds one pass over the store that only counts, as a rebuild reads it */
    record Built(long documents, double storeReadSeconds, double rebuildSeconds, long indexBytes, int segments) {

        /** The rebuild less the reading, both on one thread one after the other: what Lucene took. */
        double indexingSeconds() {
            return Math.max(rebuildSeconds - storeReadSeconds, 1e-9);
        }
    }

    private IndexBuild() {
    }

    static Built from(ArticleStore store, Path path) throws IOException {
        long started = System.nanoTime();
        AtomicLong read = new AtomicLong();
        store.forEach(article -> read.incrementAndGet());
        double readSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  read %,d articles from the store in %.1f s%n", read.get(), readSeconds);
        long documents;
        started = System.nanoTime();
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.rebuildFrom(store, "search benchmark");
            documents = index.size();
        }
        // closing commits and waits for merges still running, which belongs to building the index
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        return new Built(documents, readSeconds, rebuildSeconds, sizeOf(path), segments(path));
    }

    private static long sizeOf(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int segments(Path path) {
        try (var directory = org.apache.lucene.store.FSDirectory.open(path)) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
