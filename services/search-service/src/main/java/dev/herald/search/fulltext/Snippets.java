package dev.herald.search.fulltext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

import java.io.IOException;

/**
 * Cuts the passage that best shows why an article matched, with the matches in {@code <em>}. All of
 * the article's own text goes through the HTML encoder, so markup in a report arrives as text.
 */
final class Snippets {

    static final int FRAGMENT_CHARS = 120;
    private static final int MAX_CHARS_ANALYZED = 30_000;

    private Snippets() {
    }

    static String of(Query query, Analyzer analyzer, String title, String body) {
        String[][] candidates = {
                {ArticleDocuments.BODY, body}, {ArticleDocuments.BODY_BIGRAMS, body},
                {ArticleDocuments.TITLE, title}, {ArticleDocuments.TITLE_BIGRAMS, title}};
        for (String[] candidate : candidates) {
            String fragment = best(query, analyzer, candidate[0], candidate[1]);
            if (fragment != null) {
                return fragment;
            }
        }
        int end = body.codePointCount(0, body.length()) <= FRAGMENT_CHARS ? body.length() : body.offsetByCodePoints(0, FRAGMENT_CHARS);
        return SimpleHTMLEncoder.htmlEncode(body.substring(0, end));
    }

    private static String best(Query query, Analyzer analyzer, String field, String text) {
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_ANALYZED);
        try {
            String fragment = highlighter.getBestFragment(analyzer, field, text);
            // a word cut in two by the segmenter comes back as two adjacent matches; show it as one
            return fragment == null || fragment.isBlank() ? null : fragment.strip().replace("</em><em>", "");
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
    }
}
