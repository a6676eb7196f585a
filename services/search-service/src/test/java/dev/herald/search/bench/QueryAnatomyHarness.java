package dev.herald.search.bench;

import dev.herald.search.query.TextQuery;
import dev.herald.search.index.ArticleDocuments;
import dev.herald.search.dictionary.UserDictionary;
import dev.herald.text.SearchSyntax;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;

/**
 * A measuring tool, run on demand ({@code -Dtest=QueryAnatomyHarness -Dherald.qcost=true -Dherald.qcost.queries=…}):
 * where one query's time goes, clause by clause, on {@link QueryCostHarness}'s index.
 */
class QueryAnatomyHarness {

    @Test
    @EnabledIfSystemProperty(named = "herald.qcost", matches = "true")
    void anatomy() throws Exception {
        Analyzer analyzer = ArticleDocuments.analyzer();
        try (FSDirectory dir = FSDirectory.open(Path.of(System.getProperty("herald.qcost.index", "/tmp/herald-qcost-index-30000")));
             DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String text : System.getProperty("herald.qcost.queries", "柳州,南宁市中医医院").split(",")) {
                Query q = TextQuery.of(analyzer, SearchSyntax.parse(text), UserDictionary.starter());
                System.out.println("== " + text + "\n" + q);
                walk(searcher, q, "");
            }
        }
    }

    private static void walk(IndexSearcher searcher, Query q, String indent) throws Exception {
        for (int i = 0; i < 5; i++) {
            searcher.search(q, 10);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            searcher.search(q, 10);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            searcher.count(q);
        }
        long t2 = System.nanoTime();
        String s = q.toString();
        System.out.printf("%s%.2f ms top10, %.2f ms count, %d hits: %s%n", indent, (t1 - t0) / 1e7, (t2 - t1) / 1e7,
                searcher.count(q), s.length() > 120 ? s.substring(0, 120) + "…" : s);
        if (q instanceof BooleanQuery b && indent.length() < 8) {
            for (BooleanClause c : b.clauses()) {
                walk(searcher, c.query(), indent + "  ");
            }
        } else if (q instanceof org.apache.lucene.search.BoostQuery bq && indent.length() < 8) {
            walk(searcher, bq.getQuery(), indent + "  ");
        }
    }
}
