package dev.herald.text;

import java.util.List;
import java.util.Optional;

/**
 * Finds which of a set of keywords occur in a text, both sides normalised by {@link ChineseText}, by the
 * rules of {@link KeywordText}: Han keywords as words or phrases (not {@code 海南} inside {@code 上海南京路}),
 * Latin and digit keywords as whole tokens (not {@code ai} inside {@code said}).
 */
public final class KeywordMatcher {

    private final List<String> keywords;

    public KeywordMatcher(List<String> keywords) {
        this.keywords = keywords.stream().map(ChineseText::normalize).filter(k -> !k.isEmpty()).distinct().toList();
    }

    /** The first keyword, in the order given and normalised, that occurs in the text. */
    public Optional<String> firstMatch(String text) {
        KeywordText haystack = KeywordText.of(text);
        return keywords.stream().filter(haystack::containsKeyword).findFirst();
    }

    public boolean matchesAny(String text) {
        return firstMatch(text).isPresent();
    }
}
