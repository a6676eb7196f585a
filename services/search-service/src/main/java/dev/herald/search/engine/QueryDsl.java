package dev.herald.search.engine;

import dev.herald.search.index.ArticleDocuments;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded index's text query, as OpenSearch query DSL. The query is built once, by the same
 * {@code TextQuery} from the same analysis, dictionary and pinyin reading, and only its few shapes are
 * translated, so the reader's syntax means the same on both backends by construction. Terms are sent as
 * analysed already ({@code term}, {@code span_term}), never re-analysed by the engine.
 *
 * <p>Phrases become {@code span_near} queries. They match what a phrase query matches, in order, but score
 * as spans do, which is one reason rankings on the two backends differ slightly. The loose pinyin
 * sequences are spans in order on the embedded index already, so they match the same articles on both.
 */
final class QueryDsl {

    /** The embedded index's separate pair fields are sub-fields of the text in the engine's mapping. */
    private static final Map<String, String> FIELDS = Map.of(
            ArticleDocuments.TITLE_BIGRAMS, "title.bigrams",
            ArticleDocuments.BODY_BIGRAMS, "body.bigrams",
            ArticleDocuments.META_BIGRAMS, "meta.bigrams");

    private QueryDsl() {
    }

    static String field(String luceneField) {
        return FIELDS.getOrDefault(luceneField, luceneField);
    }

    static Map<String, Object> of(Query query) {
        return switch (query) {
            case BoostQuery boost -> boosted(of(boost.getQuery()), boost.getBoost());
            case TermQuery term -> term(term.getTerm());
            case BooleanQuery bool -> bool(bool);
            case PhraseQuery phrase -> phrase(phrase);
            case SynonymQuery synonyms -> anyOf(synonyms.getTerms());
            case MultiPhraseQuery multi -> multiPhrase(multi);
            case SpanNearQuery near -> spanNear(near);
            default -> throw new IllegalArgumentException("no engine form for " + query.getClass().getSimpleName() + ": " + query);
        };
    }

    private static Map<String, Object> bool(BooleanQuery query) {
        Map<String, List<Object>> clauses = new LinkedHashMap<>();
        for (BooleanClause clause : query.clauses()) {
            String occur = switch (clause.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            clauses.computeIfAbsent(occur, k -> new ArrayList<>()).add(of(clause.query()));
        }
        Map<String, Object> bool = new LinkedHashMap<>(clauses);
        if (query.getMinimumNumberShouldMatch() > 0) {
            bool.put("minimum_should_match", query.getMinimumNumberShouldMatch());
        }
        // otherwise both default alike: optional clauses only score beside must or filter clauses, and one of
        // them must match when there are none
        return Map.of("bool", bool);
    }

    private static Map<String, Object> phrase(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        if (terms.length == 0) {
            return Map.of("match_none", Map.of());
        }
        if (terms.length == 1) {
            return term(terms[0]);
        }
        int[] positions = phrase.getPositions();
        List<Object> spans = new ArrayList<>();
        for (Term term : terms) {
            spans.add(spanTerm(term));
        }
        // positions left empty (a stop word) widen the window by as much
        int gaps = positions[positions.length - 1] - positions[0] - (terms.length - 1);
        return Map.of("span_near", Map.of("clauses", spans, "slop", phrase.getSlop() + gaps, "in_order", true));
    }

    private static Map<String, Object> multiPhrase(MultiPhraseQuery multi) {
        Term[][] positions = multi.getTermArrays();
        List<Object> spans = new ArrayList<>();
        for (Term[] alternatives : positions) {
            List<Object> any = new ArrayList<>();
            for (Term term : alternatives) {
                any.add(spanTerm(term));
            }
            spans.add(any.size() == 1 ? any.getFirst() : Map.of("span_or", Map.of("clauses", any)));
        }
        if (spans.size() == 1) {
            return anyOf(List.of(positions[0]));
        }
        int[] at = multi.getPositions();
        int gaps = at[at.length - 1] - at[0] - (at.length - 1);
        return Map.of("span_near", Map.of("clauses", spans, "slop", multi.getSlop() + gaps, "in_order", true));
    }

    private static Map<String, Object> spanNear(SpanNearQuery near) {
        List<Object> spans = new ArrayList<>();
        for (SpanQuery clause : near.getClauses()) {
            if (!(clause instanceof SpanTermQuery term)) {
                throw new IllegalArgumentException("no engine form for a span of " + clause.getClass().getSimpleName());
            }
            spans.add(spanTerm(term.getTerm()));
        }
        return Map.of("span_near", Map.of("clauses", spans, "slop", near.getSlop(), "in_order", near.isInOrder()));
    }

    private static Map<String, Object> term(Term term) {
        return Map.of("term", Map.of(field(term.field()), Map.of("value", term.text())));
    }

    private static Map<String, Object> spanTerm(Term term) {
        return Map.of("span_term", Map.of(field(term.field()), term.text()));
    }

    private static Map<String, Object> anyOf(List<Term> terms) {
        List<Object> should = new ArrayList<>();
        for (Term term : terms) {
            should.add(term(term));
        }
        return Map.of("dis_max", Map.of("queries", should));
    }

    private static Map<String, Object> boosted(Map<String, Object> query, float boost) {
        return Map.of("bool", Map.of("must", List.of(query), "boost", boost));
    }
}
