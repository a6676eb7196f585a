package dev.herald.search.fulltext;

import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Lucene index of published articles, on disk. It is only a derived view of {@link ArticleStore}:
 * whatever is lost or damaged here is rebuilt from there. Writes become searchable through the
 * near-real-time reader, reopened every {@value #REFRESH_MILLIS} ms rather than per write (a reopen per
 * article costs a tiny segment each); the costlier commit to disk happens once a second, since a crash
 * before it only loses what the store rebuilds.
 */
public final class ArticleIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    static final long REFRESH_MILLIS = 100;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-index-commit");
        t.setDaemon(true);
        return t;
    });

    private ArticleIndex(Directory directory, Analyzer analyzer, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        committer.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        committer.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public static ArticleIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        discardIfUnreadable(directory, path);
        Analyzer analyzer = ArticleDocuments.analyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return new ArticleIndex(directory, analyzer, new IndexWriter(directory, config));
    }

    /** Makes the index hold exactly the stored articles when it has drifted, e.g. after it was deleted. */
    public void catchUpWith(ArticleStore store) throws IOException {
        long stored = store.count();
        if (size() != stored) {
            log.info("Search index holds {} articles but the store {}: rebuilding it", size(), stored);
            rebuildFrom(store);
        }
    }

    public synchronized void rebuildFrom(ArticleStore store) throws IOException {
        writer.deleteAll();
        try {
            store.forEach(article -> {
                try {
                    writer.addDocument(ArticleDocuments.of(article));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        publish();
    }

    public synchronized void put(Article article) throws IOException {
        writer.updateDocument(new Term(ArticleDocuments.ID, article.id()), ArticleDocuments.of(article));
    }

    public int size() {
        return writer.isOpen() ? writer.getDocStats().numDocs : 0;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    <T> T search(IOFunction<IndexSearcher, T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    private void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed; it will be retried: {}", e.toString());
        }
    }

    private synchronized void commitQuietly() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index commit failed; it will be retried: {}", e.toString());
        }
    }

    /** A damaged index is not worth saving: its files go and the rebuild fills a fresh one. */
    private static void discardIfUnreadable(Directory directory, Path path) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        try (DirectoryReader ignored = DirectoryReader.open(directory)) {
            return;
        } catch (IOException unreadable) {
            log.warn("Search index at {} is unreadable ({}); discarding it", path, unreadable.toString());
        }
        for (String file : directory.listAll()) {
            if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                directory.deleteFile(file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        committer.shutdown();
        try (directory; analyzer; writer; searchers) {
            log.debug("Closing search index");
        }
    }
}
