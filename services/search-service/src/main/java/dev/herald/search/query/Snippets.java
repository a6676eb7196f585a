package dev.herald.search.query;

import dev.herald.search.index.ArticleDocuments;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts the passage that best shows why an article matched, with the matches in {@code <em>}. The text
 * is the article's own: analysis folds it through a char filter that keeps offsets, so a match found
 * on the folded form is marked on the characters the unit wrote. All text goes through the HTML
 * encoder, so markup in a report arrives as text.
 *
 * <p>Marking a text means analysing it again, which is most of what a search costs (measured by
 * {@code ./herald search-bench}), so only the fields a hit matched in are analysed: the index says which,
 * cheaply, through the query's matches. One instance serves all hits of a search.
 */
public final class Snippets {

    static final int FRAGMENT_CHARS = 120;
    private static final int MAX_CHARS_ANALYZED = 30_000;
    /**
     * The character pairs come first: every unit of two or more characters has a clause there, and
     * cutting a body into pairs is cheap, where the word segmenter is not. Words serve queries of single
     * characters.
     */
    private static final String[] BODY_FIELDS = {ArticleDocuments.BODY_BIGRAMS, ArticleDocuments.BODY};
    private static final String[] TITLE_FIELDS = {ArticleDocuments.TITLE_BIGRAMS, ArticleDocuments.TITLE,
            ArticleDocuments.TITLE_PINYIN, ArticleDocuments.TITLE_INITIALS};

    private final Query query;
    private final Analyzer analyzer;
    private final Weight matcher;
    private final List<LeafReaderContext> leaves;

    private Snippets(Query query, Analyzer analyzer, Weight matcher, List<LeafReaderContext> leaves) {
        this.query = query;
        this.analyzer = analyzer;
        this.matcher = matcher;
        this.leaves = leaves;
    }

    public static Snippets of(IndexSearcher searcher, Query query, Analyzer analyzer) throws IOException {
        Weight matcher = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new Snippets(query, analyzer, matcher, searcher.getIndexReader().leaves());
    }

    /** The fields the query matched in this document (of the searcher's reader). */
    public Set<String> matchedFields(int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = matcher.matches(leaf, doc - leaf.docBase);
        Set<String> fields = new HashSet<>();
        if (matches != null) {
            matches.forEach(fields::add);
        }
        return fields;
    }

    /** The best passage of the body; the body's opening when the match was elsewhere. */
    public String body(String body, Set<String> matched) {
        for (String field : BODY_FIELDS) {
            String fragment = matched.contains(field) ? best(field, body, false) : null;
            if (fragment != null) {
                return fragment;
            }
        }
        int end = body.codePointCount(0, body.length()) <= FRAGMENT_CHARS ? body.length() : body.offsetByCodePoints(0, FRAGMENT_CHARS);
        return SimpleHTMLEncoder.htmlEncode(body.substring(0, end));
    }

    /** The whole title, matches marked. */
    public String title(String title, Set<String> matched) {
        for (String field : TITLE_FIELDS) {
            String marked = matched.contains(field) ? best(field, title, true) : null;
            if (marked != null) {
                return marked;
            }
        }
        return SimpleHTMLEncoder.htmlEncode(title);
    }

    private String best(String field, String text, boolean whole) {
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
