package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.support.web.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.herald.search.index.ArticleDocuments.*;

@Service
// the embedded index's own; a search engine answers through its own beans
@ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
public class SearchService implements ArticleSearch {

    static final int FACET_VALUES = 10;

    /** Relevance first; among equals the newer article; the id last, so every position is unambiguous. */
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(PUBLISHED_AT, SortField.Type.LONG, true), new SortField(ID_SORT, SortField.Type.STRING));
    private static final Sort BY_DATE = new Sort(new SortField(PUBLISHED_AT, SortField.Type.LONG, true),
            new SortField(ID_SORT, SortField.Type.STRING));

    private final ArticleIndex index;
    private final DictionaryService dictionary;
    private final IndexProperties.PinyinQueries pinyin;
    private final MeterRegistry meters;

    public SearchService(ArticleIndex index, DictionaryService dictionary, IndexProperties settings, MeterRegistry meters) {
        this.index = index;
        this.dictionary = dictionary;
        this.pinyin = settings.pinyin();
        this.meters = meters;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        Timer.Sample sample = Timer.start(meters);
        SearchResults results;
        try {
            Query text = TextQuery.of(index.analyzer(), request.syntax(), dictionary.current(), pinyin);
            results = text == null ? empty(request) : index.search(searcher -> run(searcher, request, text));
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
        Sort sort = request.order() == SearchRequest.Order.DATE ? BY_DATE : BY_RELEVANCE;
        int start = request.after() == null ? request.page() * request.size() : 0;
        // one hit more than the page shows whether there is a next page
        int wanted = start + request.size() + 1;
        FacetsCollectorManager.FacetsResult found = request.after() == null
                ? FacetsCollectorManager.search(searcher, query, wanted, sort, true, new FacetsCollectorManager())
                : FacetsCollectorManager.searchAfter(searcher, request.after().toFieldDoc(searcher.getIndexReader().maxDoc() - 1), query, wanted, sort, true,
                new FacetsCollectorManager());
        long total = found.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
        ScoreDoc[] top = found.topDocs().scoreDocs;
        int end = Math.min(top.length, start + request.size());
        StoredFields stored = searcher.storedFields();
        Snippets snippets = Snippets.of(searcher, text, index.analyzer());
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = start; i < end; i++) {
            hits.add(hit(stored.document(top[i].doc), snippets, snippets.matchedFields(top[i].doc)));
        }
        String next = top.length > end && end > start ? Cursor.of(request.order(), (FieldDoc) top[end - 1]).encode() : null;
        return new SearchResults(request.query(), total, request.page(), request.size(), hits,
                facets(searcher, found.facetsCollector()), next);
    }

    private Map<String, List<SearchResults.FacetCount>> facets(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = index.facetState(searcher.getIndexReader());
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collector);
        for (String dimension : List.of(CHANNEL, UNIT, YEAR)) {
            FacetResult result = counts.getTopChildren(FACET_VALUES, dimension);
            List<SearchResults.FacetCount> values = new ArrayList<>();
            if (result != null) {
                for (var value : result.labelValues) {
                    values.add(new SearchResults.FacetCount(value.label, value.value.longValue()));
                }
            }
            facets.put(dimension, values);
        }
        return facets;
    }

    private SearchResults.Hit hit(Document doc, Snippets snippets, java.util.Set<String> matched) {
        return new SearchResults.Hit(doc.get(ID), snippets.title(doc.get(TITLE), matched), doc.get(CHANNEL),
                doc.get(UNIT), Instant.ofEpochMilli(doc.getField(PUBLISHED_AT).numericValue().longValue()),
                snippets.body(doc.get(BODY), matched));
    }

    private Query filtered(Query text, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (request.channel() != null) {
            query.add(new TermQuery(new Term(CHANNEL, request.channel())), Occur.FILTER);
        }
        if (request.unit() != null) {
            query.add(new TermQuery(new Term(UNIT, request.unit())), Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().atStartOfDay(index.zone()).toInstant().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE
                    : request.to().plusDays(1).atStartOfDay(index.zone()).toInstant().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(PUBLISHED_AT, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static SearchResults empty(SearchRequest request) {
        return new SearchResults(request.query(), 0, request.page(), request.size(), List.of(), Map.of(), null);
    }
}
