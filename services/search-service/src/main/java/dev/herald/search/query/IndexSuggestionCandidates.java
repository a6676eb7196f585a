package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static dev.herald.search.index.ArticleDocuments.*;

/** Suggestion candidates from the embedded index: a prefix query over the keys, newest first. */
@Component
@ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
class IndexSuggestionCandidates implements SuggestionCandidates {

    private final ArticleIndex index;

    IndexSuggestionCandidates(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public List<Candidate> newestWithKey(List<String> keyPrefixes, int max) {
        BooleanQuery.Builder anyKey = new BooleanQuery.Builder();
        for (String key : keyPrefixes) {
            anyKey.add(new PrefixQuery(new Term(SUGGEST, key)), Occur.SHOULD);
        }
        BooleanQuery query = anyKey.build();
        try {
            return index.search(searcher -> {
                ScoreDoc[] found = searcher.search(query, max, new Sort(new SortField(PUBLISHED_AT, SortField.Type.LONG, true))).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<Candidate> candidates = new ArrayList<>();
                for (ScoreDoc hit : found) {
                    Document doc = stored.document(hit.doc);
                    candidates.add(new Candidate(doc.get(ID), doc.get(TITLE), doc.get(UNIT)));
                }
                return candidates;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
