package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline: plain Lucene with SmartChineseAnalyzer only, the word level and nothing else. Title and body
 * are indexed as words, the title weighing three times the body; a query is parsed by the same analyzer into
 * an OR of its words (quotes make a phrase). Other modules' relevance tests put their search beside it.
 */
public final class WordLevelRanker implements Ranker, AutoCloseable {

    public static final String NAME = "word level (smartcn only)";

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String BODY = "body";

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private WordLevelRanker(List<GeneratedReport> articles) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (GeneratedReport article : articles) {
                Document doc = new Document();
                doc.add(new StringField(ID, article.id(), Store.YES));
                doc.add(new TextField(TITLE, article.title(), Store.NO));
                doc.add(new TextField(BODY, article.body(), Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    public static WordLevelRanker indexing(List<GeneratedReport> articles) {
        try {
            return new WordLevelRanker(articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> rank(String query, int k) {
        try {
            List<String> ids = new ArrayList<>(k);
            for (ScoreDoc hit : searcher.search(parse(query), k).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[]{TITLE, BODY}, analyzer, Map.of(TITLE, 3f, BODY, 1f));
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            // what a reader types is not query syntax; unbalanced quotes and the like are taken literally
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
