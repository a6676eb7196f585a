package dev.herald.search.query;

/**
 * Searching the published articles, whichever backend holds them: the embedded Lucene index
 * ({@link SearchService}) or a search engine. Both answer the same request with the same kind of page.
 */
public interface ArticleSearch {

    SearchResults search(SearchRequest request);
}
