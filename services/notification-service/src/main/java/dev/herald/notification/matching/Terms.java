package dev.herald.notification.matching;

import dev.herald.text.ChineseText;
import dev.herald.text.SearchSyntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A subscription's text criteria, normalised: its keywords (distinct, in the order given, blank ones
 * dropped) and what its saved query includes and excludes.
 */
record Terms(List<String> keywords, List<Term> included, List<Term> excluded) {

    static Terms of(List<String> keywords, String savedQuery) {
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String k = ChineseText.normalize(keyword);
            if (!k.isEmpty()) {
                normalized.add(k);
            }
        }
        if (savedQuery == null) {
            return new Terms(List.copyOf(normalized), List.of(), List.of());
        }
        SearchSyntax syntax = SearchSyntax.parse(savedQuery);
        return new Terms(List.copyOf(normalized), terms(syntax.included()), terms(syntax.excluded()));
    }

    private static List<Term> terms(List<SearchSyntax.Part> parts) {
        List<Term> terms = new ArrayList<>(parts.size());
        for (SearchSyntax.Part part : parts) {
            String text = ChineseText.normalize(part.text());
            if (!text.isEmpty() && !terms.contains(new Term(text, part.phrase()))) {
                terms.add(new Term(text, part.phrase()));
            }
        }
        return List.copyOf(terms);
    }

    /** True when these alone can pick articles out: a keyword, or something the query looks for. */
    boolean selects() {
        return !keywords.isEmpty() || !included.isEmpty();
    }
}
