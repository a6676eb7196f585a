package dev.herald.search.index;

import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Lucene index of published articles, on disk. It is only a derived view of {@link ArticleStore}:
 * whatever is missing, damaged or of an older schema is rebuilt from there. Writes become searchable
 * through the near-real-time reader, reopened every refresh interval rather than per write; the costlier
 * commit to disk happens on a slower interval. A crash loses what was written since the last commit
 * while the consumer has already acknowledged it, so every start compares each indexed article's version
 * with the store and rewrites or drops what differs. A rebuild replaces documents in place and then drops
 * those it did not rewrite, so searches see a complete index throughout.
 */
public final class ArticleIndex implements SearchIndex, Closeable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    static final int REBUILD_THREADS = Runtime.getRuntime().availableProcessors();
    private static final String SCHEMA_KEY = "herald.schema";

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ZoneId zone;
    private final boolean needsRebuild;
    private final AtomicLong generation;
    private final Set<String> deletedDuringRebuild = ConcurrentHashMap.newKeySet();
    // what the consumer wrote while a rewrite runs is newer than the rewrite's copy, read from the store earlier
    private final Set<String> putDuringRebuild = ConcurrentHashMap.newKeySet();
    private final Object[] idLocks = new Object[64];
    private final Map<Object, SortedSetDocValuesReaderState> facetStates = new WeakHashMap<>();
    private volatile RebuildStatus lastRebuild;
    private volatile boolean rebuilding;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("search-index-commit").daemon().factory());

    private ArticleIndex(Directory directory, Analyzer analyzer, IndexWriter writer, IndexProperties settings, boolean needsRebuild)
            throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.zone = settings.zone();
        this.needsRebuild = needsRebuild;
        this.generation = new AtomicLong(highestGeneration(writer));
        for (int i = 0; i < idLocks.length; i++) {
            idLocks[i] = new Object();
        }
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, ArticleDocuments.SCHEMA).entrySet());
        this.searchers = new SearcherManager(writer, null);
        long refresh = settings.refreshInterval().toMillis();
        long commit = settings.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::refreshQuietly, refresh, refresh, TimeUnit.MILLISECONDS);
        committer.scheduleWithFixedDelay(this::commitQuietly, commit, commit, TimeUnit.MILLISECONDS);
    }

    public static ArticleIndex open(Path path, ZoneId zone) throws IOException {
        return open(IndexProperties.of(path, zone));
    }

    public static ArticleIndex open(IndexProperties settings) throws IOException {
        Path path = settings.indexPath();
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        boolean fresh = !usable(directory, path);
        Analyzer analyzer = ArticleDocuments.analyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return new ArticleIndex(directory, analyzer, new IndexWriter(directory, config), settings, fresh);
    }

    /**
     * Where the generations go on from: the highest any document carries, so that a rebuild after a restart
     * still writes a generation above every document it must drop if it does not rewrite it.
     */
    private static long highestGeneration(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            byte[] highest = PointValues.getMaxPackedValue(reader, ArticleDocuments.GENERATION);
            return highest == null ? 1 : Math.max(1, LongPoint.decodeDimension(highest, 0));
        }
    }

    /**
     * Makes the index hold exactly the stored articles: rebuilt when it was created from nothing, else
     * repaired article by article where its versions differ from the store's, which also brings back
     * what a crash took from it after its last commit.
     */
    @Override
    public void catchUpWith(ArticleStore store) throws IOException {
        if (needsRebuild) {
            if (store.anyLive()) {
                rebuildFrom(store, "index was missing, unreadable or of an older schema");
            }
            return;
        }
        Divergence divergence = Divergence.between(indexedVersions(), store);
        if (divergence.none()) {
            log.info("Search index matches the store: {} articles", size());
            return;
        }
        log.warn("Search index differs from the store ({}); rewriting those articles from it", divergence);
        rewrite("index differed from the store: " + divergence,
                articles -> store.forEachOf(divergence.outdated(), articles),
                current -> {
                    for (String id : divergence.gone()) {
                        writer.deleteDocuments(new Term(ArticleDocuments.ID, id));
                    }
                });
    }

    /** Each indexed article's version, read from the writer so that it includes what is not yet committed. */
    Map<String, Integer> indexedVersions() throws IOException {
        Map<String, Integer> versions = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), ArticleDocuments.ID_SORT);
                NumericDocValues stored = DocValues.getNumeric(leaf.reader(), ArticleDocuments.VERSION);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
                        int version = stored.advanceExact(doc) ? (int) stored.longValue() : -1;
                        versions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), version);
                    }
                }
            }
        }
        return versions;
    }

    @Override
    public boolean rebuilding() {
        return rebuilding;
    }

    @Override
    public RebuildStatus lastRebuild() {
        return lastRebuild;
    }

    /** Rewrites every stored article under a new generation, then drops whatever that did not touch. */
    @Override
    public void rebuildFrom(ArticleStore store, String reason) throws IOException {
        rewrite(reason, store::forEach, current ->
                writer.deleteDocuments(LongPoint.newRangeQuery(ArticleDocuments.GENERATION, Long.MIN_VALUE, current - 1)));
    }

    /** What a rewrite drops once its articles are written, given the generation it wrote them under. */
    private interface Sweep {
        void after(long generation) throws IOException;
    }

    private void rewrite(String reason, Consumer<Consumer<Article>> articles, Sweep sweep) throws IOException {
        long current;
        synchronized (this) {
            if (rebuilding) {
                throw new IllegalStateException("a rebuild is already running");
            }
            deletedDuringRebuild.clear();
            putDuringRebuild.clear();
            // raised before the flag: a put that sees the flag writes under the rewrite's generation, never swept
            current = generation.incrementAndGet();
            rebuilding = true;
        }
        Instant started = Instant.now();
        log.info("Writing the search index from the store: {}", reason);
        try {
            AtomicLong written = rewriteAll(articles, current);
            synchronized (this) {
                sweep.after(current);
                for (String id : deletedDuringRebuild) {
                    writer.deleteDocuments(new Term(ArticleDocuments.ID, id));
                }
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            lastRebuild = new RebuildStatus(started, Instant.now(), written.get(), reason);
            log.info("Search index written from the store: {} articles", written.get());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            rebuilding = false;
        }
    }

    /**
     * Writes the articles from one thread per core while this one reads them from the store: analysis, the
     * smartcn segmenter above all, is most of a rebuild's time, and the writer takes documents from
     * several threads at once. The first failure stops the rebuild, as a failure of one thread would.
     */
    private AtomicLong rewriteAll(Consumer<Consumer<Article>> articles, long inGeneration) throws IOException {
        AtomicLong written = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // bounds the articles read but not yet written, so a large store is never held in memory
        Semaphore pending = new Semaphore(REBUILD_THREADS * 32);
        ExecutorService writers = Executors.newFixedThreadPool(REBUILD_THREADS, Thread.ofPlatform().name("search-index-rebuild-write").daemon().factory());
        try {
            articles.accept(article -> {
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (deletedDuringRebuild.contains(article.id())) {
                    return;
                }
                pending.acquireUninterruptibly();
                writers.execute(() -> {
                    try {
                        synchronized (lockFor(article.id())) {
                            if (!putDuringRebuild.contains(article.id())) {
                                write(article, inGeneration);
                            }
                        }
                        written.incrementAndGet();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        pending.release();
                    }
                });
            });
        } finally {
            writers.shutdown();
            awaitQuietly(writers);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return written;
    }

    private static void awaitQuietly(ExecutorService writers) throws IOException {
        try {
            while (!writers.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("Search index rebuild: still writing");
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the rebuild was writing");
        }
    }

    /** Safe beside a rewrite: the consumer's copy wins over the rewrite's, whichever of the two writes first. */
    @Override
    public void put(Article article) throws IOException {
        try {
            synchronized (lockFor(article.id())) {
                if (rebuilding) {
                    putDuringRebuild.add(article.id());
                    // published again after a retraction the rewrite saw: the sweep must not drop it at the end
                    deletedDuringRebuild.remove(article.id());
                }
                write(article, generation.get());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Object lockFor(String articleId) {
        return idLocks[Math.floorMod(articleId.hashCode(), idLocks.length)];
    }

    /** Not synchronized: the writer is thread-safe, and a rebuild writes from several threads. */
    private void write(Article article, long inGeneration) {
        try {
            writer.updateDocument(new Term(ArticleDocuments.ID, article.id()), ArticleDocuments.of(article, inGeneration, zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void delete(String articleId) throws IOException {
        if (rebuilding) {
            deletedDuringRebuild.add(articleId);
        }
        writer.deleteDocuments(new Term(ArticleDocuments.ID, articleId));
    }

    @Override
    public int size() {
        return writer.isOpen() ? writer.getDocStats().numDocs : 0;
    }

    /** Makes every write so far searchable now rather than at the next refresh interval. */
    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public ZoneId zone() {
        return zone;
    }

    public <T> T search(IOFunction<IndexSearcher, T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The ordinals facet counting needs, built once per reader rather than per search; null while no
     * document has facets yet.
     */
    public synchronized SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        if (reader.numDocs() == 0) {
            return null;
        }
        Object key = reader.getReaderCacheHelper().getKey();
        SortedSetDocValuesReaderState state = facetStates.get(key);
        if (state == null) {
            state = new DefaultSortedSetDocValuesReaderState(reader, ArticleDocuments.FACETS);
            facetStates.put(key, state);
        }
        return state;
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed; it will be retried: {}", e.toString());
        }
    }

    private void commitQuietly() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index commit failed; it will be retried: {}", e.toString());
        }
    }

    /** An index is kept only when it opens and was written under the current schema. */
    private static boolean usable(Directory directory, Path path) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        try (DirectoryReader ignored = DirectoryReader.open(directory)) {
            String schema = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
            if (ArticleDocuments.SCHEMA.equals(schema)) {
                return true;
            }
            log.info("Search index at {} has schema {}, not {}; rebuilding it", path, schema, ArticleDocuments.SCHEMA);
        } catch (IOException unreadable) {
            log.warn("Search index at {} is unreadable ({}); discarding it", path, unreadable.toString());
        }
        for (String file : directory.listAll()) {
            if (!file.equals(IndexWriter.WRITE_LOCK_NAME) && !file.equals(SearchInstance.ID_FILE)) {
                directory.deleteFile(file);
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        committer.shutdown();
        try {
            // a commit in progress must finish first, or the writer refuses to close halfway through it
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (directory; analyzer; writer; searchers) {
            log.debug("Closing search index");
        }
    }
}
