package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.herald.search.index.ArticleDocuments.*;

/**
 * The published articles most like a given one (the 为您推荐 / 相关内容 list news sites show): the
 * article's most distinctive words, weighed by tf-idf, searched for in everything else.
 */
@Component
// the embedded index's own; a search engine answers through its own beans
@ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
public class RelatedArticles implements SimilarArticles {

    public static final int MAX_SIZE = 20;

    public record Related(String id, String title, String channel, String unit, Instant publishedAt, float score) {
    }

    private final ArticleIndex index;

    public RelatedArticles(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public List<Related> to(String articleId, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        try {
            return index.search(searcher -> find(searcher, articleId, size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Related> find(IndexSearcher searcher, String articleId, int size) throws IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(ID, articleId)), 1);
        if (self.scoreDocs.length == 0) {
            throw new NotFoundException("article", articleId);
        }
        StoredFields stored = searcher.storedFields();
        Document article = stored.document(self.scoreDocs[0].doc);
        MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
        like.setAnalyzer(index.analyzer());
        like.setFieldNames(new String[]{TITLE, BODY});
        like.setMinTermFreq(1);
        like.setMinDocFreq(1);
        like.setMinWordLen(2);
        like.setMaxQueryTerms(30);
        Query similar = like.like(BODY, new StringReader(article.get(TITLE) + "\n" + article.get(BODY)));
        Query others = new BooleanQuery.Builder().add(similar, Occur.MUST)
                .add(new TermQuery(new Term(ID, articleId)), Occur.MUST_NOT).build();
        List<Related> related = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(others, size).scoreDocs) {
            Document doc = stored.document(hit.doc);
            related.add(new Related(doc.get(ID), doc.get(TITLE), doc.get(CHANNEL), doc.get(UNIT),
                    Instant.ofEpochMilli(doc.getField(PUBLISHED_AT).numericValue().longValue()), hit.score));
        }
        return related;
    }
}
