package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.article.Article;
import dev.herald.search.analysis.Pinyin;
import dev.herald.search.analysis.TypedPinyin;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.text.ChineseText;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.herald.search.index.ArticleDocuments.*;

/**
 * Completes titles and units from their first characters, their pinyin ({@code nanning}) or its
 * initials ({@code nn}), the most recently published first. The keys are in the index, so a new
 * article is suggested as soon as it is searchable.
 */
@Component
// the embedded index's own; a search engine answers through its own beans
@ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
class Suggestions {

    static final int MAX_PREFIX = 50;
    static final int MAX_SIZE = 20;
    private static final int SCANNED = 200;

    record Suggestion(String text, String kind, String articleId) {
    }

    private final ArticleIndex index;

    Suggestions(ArticleIndex index) {
        this.index = index;
    }

    List<Suggestion> complete(String prefix, int size) {
        String folded = ChineseText.normalize(prefix == null ? "" : prefix).replace(" ", "");
        if (folded.isEmpty() || folded.length() > MAX_PREFIX) {
            throw new InvalidRequestException("prefix", "must be 1 to " + MAX_PREFIX + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        // pinyin typed with tones, ü or an apostrophe (lü, xi'an) starts the keys as the index spells them
        List<String> prefixes = TypedPinyin.letters(prefix.strip()).filter(letters -> !letters.equals(folded))
                .map(letters -> List.of(folded, letters)).orElse(List.of(folded));
        BooleanQuery.Builder anyKey = new BooleanQuery.Builder();
        for (String start : prefixes) {
            anyKey.add(new PrefixQuery(new Term(SUGGEST, "t:" + start)), Occur.SHOULD)
                    .add(new PrefixQuery(new Term(SUGGEST, "u:" + start)), Occur.SHOULD);
        }
        BooleanQuery query = anyKey.build();
        try {
            return index.search(searcher -> {
                ScoreDoc[] found = searcher.search(query, SCANNED, new Sort(new SortField(PUBLISHED_AT, SortField.Type.LONG, true))).scoreDocs;
                StoredFields stored = searcher.storedFields();
                Set<Suggestion> out = new LinkedHashSet<>();
                for (ScoreDoc hit : found) {
                    Document doc = stored.document(hit.doc);
                    if (startsWith(doc.get(UNIT), prefixes)) {
                        out.add(new Suggestion(doc.get(UNIT), "unit", null));
                    }
                    if (startsWith(doc.get(TITLE), prefixes)) {
                        out.add(new Suggestion(doc.get(TITLE), "title", doc.get(ID)));
                    }
                    if (out.size() >= size) {
                        break;
                    }
                }
                return new ArrayList<>(out).subList(0, Math.min(size, out.size()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(String text, List<String> prefixes) {
        String f = ChineseText.normalize(text);
        return prefixes.stream().anyMatch(p -> f.startsWith(p) || Pinyin.full(f).startsWith(p) || Pinyin.initials(f).startsWith(p));
    }
}
