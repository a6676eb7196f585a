package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.article.Article;
import dev.herald.search.analysis.Pinyin;
import dev.herald.search.analysis.TypedPinyin;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.text.ChineseText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

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
public class Suggestions {

    static final int MAX_PREFIX = 50;
    static final int MAX_SIZE = 20;
    private static final int SCANNED = 200;

    public record Suggestion(String text, String kind, String articleId) {
    }

    private final SuggestionCandidates candidates;

    @Autowired
    public Suggestions(SuggestionCandidates candidates) {
        this.candidates = candidates;
    }

    public Suggestions(ArticleIndex index) {
        this(new IndexSuggestionCandidates(index));
    }

    public List<Suggestion> complete(String prefix, int size) {
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
        List<String> keys = new ArrayList<>();
        for (String start : prefixes) {
            keys.add("t:" + start);
            keys.add("u:" + start);
        }
        Set<Suggestion> out = new LinkedHashSet<>();
        for (SuggestionCandidates.Candidate candidate : candidates.newestWithKey(keys, SCANNED)) {
            if (startsWith(candidate.unit(), prefixes)) {
                out.add(new Suggestion(candidate.unit(), "unit", null));
            }
            if (startsWith(candidate.title(), prefixes)) {
                out.add(new Suggestion(candidate.title(), "title", candidate.id()));
            }
            if (out.size() >= size) {
                break;
            }
        }
        return new ArrayList<>(out).subList(0, Math.min(size, out.size()));
    }

    private static boolean startsWith(String text, List<String> prefixes) {
        String f = ChineseText.normalize(text);
        return prefixes.stream().anyMatch(p -> f.startsWith(p) || Pinyin.full(f).startsWith(p) || Pinyin.initials(f).startsWith(p));
    }
}
