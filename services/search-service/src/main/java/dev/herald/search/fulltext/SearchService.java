package dev.herald.search.fulltext;

import dev.herald.support.web.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.herald.search.fulltext.ArticleDocuments.*;

@Service
class SearchService {

    /** Relevance first; among equals the newer article. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(PUBLISHED_AT, SortField.Type.LONG, true));

    private final ArticleIndex index;
    private final MeterRegistry meters;

    SearchService(ArticleIndex index, MeterRegistry meters) {
        this.index = index;
        this.meters = meters;
    }

    SearchResults search(SearchRequest request) {
        Timer.Sample sample = Timer.start(meters);
        SearchResults results;
        try {
            Query text = TextQuery.of(index.analyzer(), request.normalizedQuery());
            results = text == null ? page(request, 0, List.of()) : index.search(searcher -> run(searcher, request, text));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRequestException("q", "has too many words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sample.stop(meters.timer("herald.search.requests", "outcome", results.hits().isEmpty() ? "empty" : "hits"));
        return results;
    }

    private SearchResults run(IndexSearcher searcher, SearchRequest request, Query text) throws IOException {
        Query query = filtered(text, request);
        int total = searcher.count(query);
        long offset = (long) request.page() * request.size();
        if (offset >= total) {
            return page(request, total, List.of());
        }
        ScoreDoc[] top = searcher.search(query, (int) offset + request.size(), ORDER).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = (int) offset; i < top.length; i++) {
            hits.add(hit(stored.document(top[i].doc), text));
        }
        return page(request, total, hits);
    }

    private SearchResults.Hit hit(Document doc, Query text) {
        return new SearchResults.Hit(doc.get(ID), doc.get(DISPLAY_TITLE), doc.get(CHANNEL), doc.get(UNIT),
                Instant.ofEpochMilli(doc.getField(PUBLISHED_AT).numericValue().longValue()),
                Snippets.of(text, index.analyzer(), doc.get(TITLE), doc.get(BODY)));
    }

    private static Query filtered(Query text, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (request.channel() != null) {
            query.add(new TermQuery(new Term(CHANNEL, request.channel())), Occur.FILTER);
        }
        if (request.unit() != null) {
            query.add(new TermQuery(new Term(UNIT, request.unit())), Occur.FILTER);
        }
        return query.build();
    }

    private static SearchResults page(SearchRequest request, long total, List<SearchResults.Hit> hits) {
        return new SearchResults(request.query(), total, request.page(), request.size(), hits);
    }
}
