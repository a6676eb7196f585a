package dev.herald.search.index;

import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;

import java.io.IOException;
import java.time.Instant;

/**
 * Where published articles are made searchable, whichever backend holds them: the embedded Lucene index
 * ({@link ArticleIndex}) or a search engine. The store decides which version is newest; a backend only keeps
 * a newer version from being replaced by an older one arriving late.
 */
public interface SearchIndex {

    /** What the last rebuild did, for the admin API. */
    record RebuildStatus(Instant startedAt, Instant finishedAt, long documents, String reason) {
    }

    /** Makes the backend hold exactly the stored articles: created, rebuilt or repaired, safe beside the consumers' writes. */
    void catchUpWith(ArticleStore store) throws IOException;

    /**
     * Adds the article, replacing what is indexed under its id: the caller has checked with the store that it is
     * the newest. A search engine, written by several instances, also refuses an older version arriving late.
     */
    void put(Article article) throws IOException;

    void delete(String articleId) throws IOException;

    /** Writes every stored article afresh and drops what the store no longer has, searches answering throughout. */
    void rebuildFrom(ArticleStore store, String reason) throws IOException;

    /** Makes every write so far searchable now. */
    void refresh() throws IOException;

    int size();

    boolean rebuilding();

    /** Null until a rebuild has run on this instance. */
    RebuildStatus lastRebuild();
}
