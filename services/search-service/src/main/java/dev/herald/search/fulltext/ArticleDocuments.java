package dev.herald.search.fulltext;

import dev.herald.search.article.Article;
import dev.herald.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.util.Map;

/**
 * How an article is laid out in the index. Title and body are indexed twice: as words found by
 * SmartChineseAnalyzer, which ranks well, and as overlapping character pairs, which find any
 * contiguous run of characters (a place name like 将军山) however the word segmenter happens to cut it.
 * The text is folded with {@link ChineseText#normalize} first, as queries are.
 */
final class ArticleDocuments {

    static final String ID = "id";
    static final String CHANNEL = "channel";
    static final String UNIT = "unit";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TITLE_BIGRAMS = "title_bigrams";
    static final String BODY_BIGRAMS = "body_bigrams";
    static final String DISPLAY_TITLE = "display_title";
    static final String PUBLISHED_AT = "published_at";

    private ArticleDocuments() {
    }

    static Analyzer analyzer() {
        Analyzer bigrams = new CJKAnalyzer(CharArraySet.EMPTY_SET);
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(),
                Map.of(TITLE_BIGRAMS, bigrams, BODY_BIGRAMS, bigrams));
    }

    static Document of(Article article) {
        String title = ChineseText.normalize(article.title());
        String body = ChineseText.normalize(article.body());
        long publishedAt = article.publishedAt().toEpochMilli();
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Store.YES));
        doc.add(new StringField(CHANNEL, article.channel(), Store.YES));
        doc.add(new StringField(UNIT, article.unit(), Store.YES));
        doc.add(new StoredField(DISPLAY_TITLE, article.title()));
        // the folded texts are stored because the highlighter must see exactly what was indexed
        doc.add(new TextField(TITLE, title, Store.YES));
        doc.add(new TextField(BODY, body, Store.YES));
        doc.add(new TextField(TITLE_BIGRAMS, title, Store.NO));
        doc.add(new TextField(BODY_BIGRAMS, body, Store.NO));
        doc.add(new StoredField(PUBLISHED_AT, publishedAt));
        doc.add(new NumericDocValuesField(PUBLISHED_AT, publishedAt));
        return doc;
    }
}
