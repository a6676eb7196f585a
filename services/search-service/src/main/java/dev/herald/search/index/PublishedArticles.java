package dev.herald.search.index;

import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRetracted;
import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import dev.herald.support.metrics.PipelineLatency;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/** Keeps the newest version of each published article, first in the store, then in the index. */
@Service
class PublishedArticles {

    private final ArticleStore store;
    private final SearchIndex index;
    private final MeterRegistry meters;
    private final Clock clock;

    PublishedArticles(ArticleStore store, SearchIndex index, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.index = index;
        this.meters = meters;
        this.clock = clock;
    }

    void accept(ArticlePublished event) {
        Article article = Article.of(event);
        boolean newer = store.storeIfNewer(article);
        // A stale or repeated publication re-indexes what the store holds, which changes nothing when
        // all is well and heals an index write lost to a crash right after the store write.
        reindex(newer ? Optional.of(article) : store.find(article.id()), article.id());
        meters.counter("herald.search.indexed", "outcome", newer ? "indexed" : "stale").increment();
        if (newer) {
            // searchable within herald.search.refresh-interval of this; a redelivery is not a publication reaching search
            PipelineLatency.record(meters, PipelineLatency.DECISION_TO_SEARCHABLE_METER, event.publishedAt(), clock.instant());
        }
    }

    void retract(ArticleRetracted event) {
        boolean applied = store.retract(event.articleId(), event.version(), event.when());
        reindex(store.find(event.articleId()), event.articleId());
        meters.counter("herald.search.indexed", "outcome", applied ? "retracted" : "stale").increment();
    }

    private void reindex(Optional<Article> live, String id) {
        try {
            if (live.isPresent()) {
                index.put(live.get());
            } else {
                index.delete(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
