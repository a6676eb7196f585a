package dev.herald.search.index;

import dev.herald.search.article.ArticleStore;
import dev.herald.support.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Rebuilds the index on an administrator's request, in the background, one rebuild at a time. */
@Component
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    record Status(int documents, long stored, String schema, boolean rebuilding, SearchIndex.RebuildStatus lastRebuild) {
    }

    private final SearchIndex index;
    private final ArticleStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("search-index-rebuild").daemon().factory());

    IndexMaintenance(SearchIndex index, ArticleStore store) {
        this.index = index;
        this.store = store;
    }

    Status status() {
        return new Status(index.size(), store.count(), ArticleDocuments.SCHEMA, index.rebuilding(), index.lastRebuild());
    }

    synchronized Status rebuild() {
        if (index.rebuilding()) {
            throw new ConflictException("a rebuild is already running");
        }
        worker.submit(() -> {
            try {
                index.rebuildFrom(store, "requested by an administrator");
            } catch (Exception e) {
                log.error("Search index rebuild failed; the index keeps serving what it held", e);
            }
        });
        return new Status(index.size(), store.count(), ArticleDocuments.SCHEMA, true, index.lastRebuild());
    }
}
