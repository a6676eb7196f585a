package dev.herald.searchbench;

import dev.herald.search.dictionary.UserDictionary;
import dev.herald.search.index.ArticleDocuments;
import dev.herald.search.query.TextQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/** The service's own query building, so the raw-Lucene floor runs exactly the queries the service runs. */
public final class FloorQueries {

    private final Analyzer analyzer = ArticleDocuments.analyzer();
    private final UserDictionary dictionary;

    public FloorQueries(UserDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Null when the text holds nothing searchable, as the service then answers without searching. */
    public Query of(String text) {
        return TextQuery.of(analyzer, dev.herald.text.SearchSyntax.parse(text.strip()), dictionary);
    }
}
