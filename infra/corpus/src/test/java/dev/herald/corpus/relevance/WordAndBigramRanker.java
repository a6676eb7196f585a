package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A second reference beside the word-level baseline, so that the judged set can be seen to reward what a
 * combined analysis adds: title and body indexed both as smartcn words and as overlapping character pairs,
 * text and queries folded to NFKC and lower case. It is not the search service's analysis, only the same idea
 * in plain Lucene; it knows neither traditional script, synonyms nor pinyin.
 */
public final class WordAndBigramRanker implements Ranker, AutoCloseable {

    public static final String NAME = "words + character pairs (reference)";

    private static final String ID = "id";
    private static final Map<String, Float> BOOSTS = Map.of("title", 3f, "body", 1f, "title_pairs", 3f, "body_pairs", 1f);

    private final Analyzer analyzer;
    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private WordAndBigramRanker(List<GeneratedReport> articles) throws IOException {
        Analyzer pairs = new CJKAnalyzer(CharArraySet.EMPTY_SET);
        analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of("title_pairs", pairs, "body_pairs", pairs));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (GeneratedReport article : articles) {
                String title = fold(article.title());
                String body = fold(article.body());
                Document doc = new Document();
                doc.add(new StringField(ID, article.id(), Store.YES));
                doc.add(new TextField("title", title, Store.NO));
                doc.add(new TextField("body", body, Store.NO));
                doc.add(new TextField("title_pairs", title, Store.NO));
                doc.add(new TextField("body_pairs", body, Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    public static WordAndBigramRanker indexing(List<GeneratedReport> articles) {
        try {
            return new WordAndBigramRanker(articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> rank(String query, int k) {
        try {
            List<String> ids = new ArrayList<>(k);
            for (ScoreDoc hit : searcher.search(parse(fold(query)), k).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(BOOSTS.keySet().toArray(String[]::new), analyzer, BOOSTS);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
