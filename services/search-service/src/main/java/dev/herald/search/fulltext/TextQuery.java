package dev.herald.search.fulltext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the query from what the analyzers make of the user's text, never from Lucene syntax, so
 * quotes, colons, brackets or wildcards are just characters. An article matches when it has most of
 * the query's words (all of them for up to three) in title or body, or holds the query verbatim.
 */
final class TextQuery {

    static final int MAX_WORDS = 32;
    private static final float TITLE_BOOST = 3f;

    private TextQuery() {
    }

    /** Returns null when the text holds nothing searchable, e.g. only punctuation. */
    static Query of(Analyzer analyzer, String normalizedText) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> words = words(analyzer, normalizedText);
        if (!words.isEmpty()) {
            query.add(mostOf(words), Occur.SHOULD);
        }
        QueryBuilder verbatim = new QueryBuilder(analyzer);
        Query inTitle = verbatim.createPhraseQuery(ArticleDocuments.TITLE_BIGRAMS, normalizedText);
        Query inBody = verbatim.createPhraseQuery(ArticleDocuments.BODY_BIGRAMS, normalizedText);
        if (inTitle != null) {
            query.add(new BoostQuery(inTitle, TITLE_BOOST), Occur.SHOULD);
        }
        if (inBody != null) {
            query.add(inBody, Occur.SHOULD);
        }
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private static Query mostOf(Set<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(ArticleDocuments.TITLE, word)), TITLE_BOOST), Occur.SHOULD)
                    .add(new TermQuery(new Term(ArticleDocuments.BODY, word)), Occur.SHOULD)
                    .build(), Occur.SHOULD);
        }
        int n = words.size();
        return all.setMinimumNumberShouldMatch(n <= 3 ? n : (n * 3 + 3) / 4).build();
    }

    private static Set<String> words(Analyzer analyzer, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(ArticleDocuments.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
