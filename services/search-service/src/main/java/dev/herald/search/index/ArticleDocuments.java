package dev.herald.search.index;

import dev.herald.search.article.Article;
import dev.herald.search.analysis.Analyzers;
import dev.herald.search.analysis.Pinyin;
import dev.herald.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How an article is laid out in the index. Text is indexed twice: as words found by the smartcn
 * segmenter, which ranks well, and as overlapping character pairs, which find any contiguous run of
 * characters (a name like 胡海莺) however the segmenter cuts it. Titles and units are also indexed as
 * pinyin, full and initials, and as suggestion keys. The stored text is the original, so highlights
 * are cut from what the unit wrote. Bump {@link #SCHEMA} whenever any of this changes: an index of an
 * older schema is rebuilt from the store.
 */
public final class ArticleDocuments {

    public static final String SCHEMA = "6";

    public static final String ID = "id";
    public static final String ID_SORT = "id_sort";
    public static final String CHANNEL = "channel";
    public static final String UNIT = "unit";
    public static final String YEAR = "year";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String META = "meta";
    public static final String TITLE_BIGRAMS = "title_bigrams";
    public static final String BODY_BIGRAMS = "body_bigrams";
    public static final String META_BIGRAMS = "meta_bigrams";
    public static final String TITLE_PINYIN = "title_pinyin";
    public static final String TITLE_INITIALS = "title_initials";
    public static final String UNIT_PINYIN = "unit_pinyin";
    public static final String UNIT_INITIALS = "unit_initials";
    public static final String SUGGEST = "suggest";
    public static final String PUBLISHED_AT = "published_at";
    public static final String GENERATION = "generation";
    /** The article's version, so that start-up can tell an index that missed a write from one that did not. */
    public static final String VERSION = "version";

    public static final FacetsConfig FACETS = new FacetsConfig();

    private ArticleDocuments() {
    }

    public static Analyzer analyzer() {
        Analyzer bigrams = Analyzers.bigrams();
        Analyzer pinyin = Analyzers.pinyin(false);
        Analyzer initials = Analyzers.pinyin(true);
        return Analyzers.perField(Map.of(TITLE_BIGRAMS, bigrams, BODY_BIGRAMS, bigrams, META_BIGRAMS, bigrams,
                TITLE_PINYIN, pinyin, UNIT_PINYIN, pinyin, TITLE_INITIALS, initials, UNIT_INITIALS, initials));
    }

    public static Document of(Article article, long generation, ZoneId zone) {
        String meta = Stream.concat(Stream.of(article.subtitle(), article.unit(), article.author(), article.contributor()),
                article.tags().stream()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        long publishedAt = article.publishedAt().toEpochMilli();
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(article.id())));
        doc.add(new StringField(CHANNEL, article.channel(), Store.YES));
        doc.add(new StringField(UNIT, article.unit(), Store.YES));
        doc.add(new TextField(TITLE, article.title(), Store.YES));
        doc.add(new TextField(BODY, article.body(), Store.YES));
        doc.add(new TextField(META, meta, Store.NO));
        doc.add(new TextField(TITLE_BIGRAMS, article.title(), Store.NO));
        doc.add(new TextField(BODY_BIGRAMS, article.body(), Store.NO));
        doc.add(new TextField(META_BIGRAMS, meta, Store.NO));
        doc.add(new TextField(TITLE_PINYIN, article.title(), Store.NO));
        doc.add(new TextField(TITLE_INITIALS, article.title(), Store.NO));
        doc.add(new TextField(UNIT_PINYIN, article.unit(), Store.NO));
        doc.add(new TextField(UNIT_INITIALS, article.unit(), Store.NO));
        for (String key : suggestionKeys(article)) {
            doc.add(new StringField(SUGGEST, key, Store.NO));
        }
        doc.add(new LongPoint(PUBLISHED_AT, publishedAt));
        doc.add(new StoredField(PUBLISHED_AT, publishedAt));
        doc.add(new NumericDocValuesField(PUBLISHED_AT, publishedAt));
        doc.add(new LongPoint(GENERATION, generation));
        doc.add(new NumericDocValuesField(VERSION, article.version()));
        doc.add(new SortedSetDocValuesFacetField(CHANNEL, article.channel()));
        doc.add(new SortedSetDocValuesFacetField(UNIT, article.unit()));
        doc.add(new SortedSetDocValuesFacetField(YEAR, String.valueOf(article.publishedAt().atZone(zone).getYear())));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a suggestion can start with: the title or unit itself (folded), or its pinyin run together,
     * or its initials, each prefixed with what it would suggest so one prefix query serves all.
     */
    public static List<String> suggestionKeys(Article article) {
        List<String> keys = new ArrayList<>();
        for (String[] entry : new String[][]{{"t", article.title()}, {"u", article.unit()}}) {
            String folded = ChineseText.normalize(entry[1]);
            keys.add(entry[0] + ":" + folded);
            keys.add(entry[0] + ":" + Pinyin.full(folded));
            keys.add(entry[0] + ":" + Pinyin.initials(folded));
        }
        return keys.stream().distinct().toList();
    }
}
