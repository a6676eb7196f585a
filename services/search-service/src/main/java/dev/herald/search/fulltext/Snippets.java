package dev.herald.search.fulltext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

import java.io.IOException;

/**
 * Cuts the passage that best shows why an article matched, with the matches in {@code <em>}. The text
 * is the article's own: analysis folds it through a char filter that keeps offsets, so a match found
 * on the folded form is marked on the characters the unit wrote. All text goes through the HTML
 * encoder, so markup in a report arrives as text.
 */
final class Snippets {

    static final int FRAGMENT_CHARS = 120;
    private static final int MAX_CHARS_ANALYZED = 30_000;

    private Snippets() {
    }

    /** The best passage of the body; the body's opening when the match was elsewhere. */
    static String body(Query query, Analyzer analyzer, String body) {
        for (String field : new String[]{ArticleDocuments.BODY, ArticleDocuments.BODY_BIGRAMS}) {
            String fragment = best(query, analyzer, field, body, false);
            if (fragment != null) {
                return fragment;
            }
        }
        int end = body.codePointCount(0, body.length()) <= FRAGMENT_CHARS ? body.length() : body.offsetByCodePoints(0, FRAGMENT_CHARS);
        return SimpleHTMLEncoder.htmlEncode(body.substring(0, end));
    }

    /** The whole title, matches marked. */
    static String title(Query query, Analyzer analyzer, String title) {
        for (String field : new String[]{ArticleDocuments.TITLE_BIGRAMS, ArticleDocuments.TITLE, ArticleDocuments.TITLE_PINYIN,
                ArticleDocuments.TITLE_INITIALS}) {
            String marked = best(query, analyzer, field, title, true);
            if (marked != null) {
                return marked;
            }
        }
        return SimpleHTMLEncoder.htmlEncode(title);
    }

    private static String best(Query query, Analyzer analyzer, String field, String text, boolean whole) {
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_ANALYZED);
        try {
            String fragment = highlighter.getBestFragment(analyzer, field, text);
            // overlapping pairs of a phrase come back as adjacent matches; show the phrase as one
            return fragment == null || fragment.isBlank() ? null : fragment.strip().replace("</em><em>", "");
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
    }
}
