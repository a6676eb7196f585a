package dev.herald.search.index;

import dev.herald.search.article.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Repairs the embedded index from the store in the background once the service is ready. Searches answer from what
 * the index holds meanwhile, the consumer goes on indexing new publications (their copies win over the repair's), and
 * the admin API shows the repair as a rebuild in progress. A start that waited for it could take half an hour over a
 * million articles, longer than any supervisor waits for a service to become healthy.
 */
class StartupCatchUp {

    private static final Logger log = LoggerFactory.getLogger(StartupCatchUp.class);

    private final SearchIndex index;
    private final ArticleStore store;

    StartupCatchUp(SearchIndex index, ArticleStore store) {
        this.index = index;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofPlatform().name("search-index-catch-up").daemon().start(this::run);
    }

    private void run() {
        try {
            index.catchUpWith(store);
        } catch (IllegalStateException rebuildRunning) {
            log.info("Search index catch-up skipped: {}; that rebuild writes every stored article", rebuildRunning.getMessage());
        } catch (Exception e) {
            log.error("Search index catch-up with the store failed; searches answer from the index as it is until an "
                    + "administrator asks for a rebuild (POST /api/search/index/rebuild) or the service restarts", e);
        }
    }
}
