package dev.herald.search.fulltext;

import dev.herald.search.dictionary.UserDictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * The search benchmark's way to the service's own query building. It lives in the service's package (in
 * the benchmark's jar) so the raw-Lucene floor runs exactly the queries the service runs, without making
 * TextQuery, dev.herald.text.SearchSyntax or the analyzer public in the service.
 */
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
