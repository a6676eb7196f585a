package dev.herald.notification.matching;

import dev.herald.text.KeywordText;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An article as every subscription is checked against it: channel and unit stripped (they are compared
 * exactly), title, subtitle and body normalised once into one text. The parts go on separate lines, which
 * normalise to a space, so that no keyword matches across the end of the title and the start of the body.
 */
record PreparedArticle(String channel, String unit, KeywordText text) {

    static PreparedArticle of(ArticleText article) {
        String text = Stream.of(article.title(), article.subtitle(), article.body())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        return new PreparedArticle(strip(article.channel()), strip(article.unit()), KeywordText.of(text));
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean contains(Term term) {
        return term.phrase() ? text.containsPhrase(term.text()) : text.containsKeyword(term.text());
    }
}
