package dev.herald.text;

import java.util.List;
import java.util.Optional;

/**
 * Finds which of a set of keywords occur in a text, both sides normalised by {@link ChineseText}.
 * Han keywords match as substrings (Chinese is written without spaces); Latin and digit keywords
 * must stand as a whole token, so that "ai" does not match inside "said".
 */
public final class KeywordMatcher {

    private final List<String> keywords;

    public KeywordMatcher(List<String> keywords) {
        this.keywords = keywords.stream().map(ChineseText::normalize).filter(k -> !k.isEmpty()).distinct().toList();
    }

    public Optional<String> firstMatch(String text) {
        String haystack = ChineseText.normalize(text);
        return keywords.stream().filter(k -> occursIn(haystack, k)).findFirst();
    }

    public boolean matchesAny(String text) {
        return firstMatch(text).isPresent();
    }

    private static boolean occursIn(String haystack, String keyword) {
        for (int at = haystack.indexOf(keyword); at >= 0; at = haystack.indexOf(keyword, at + 1)) {
            if (ChineseText.containsHan(keyword) || standsAlone(haystack, at, keyword.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean standsAlone(String haystack, int start, int length) {
        int end = start + length;
        return (start == 0 || !isWordChar(haystack.codePointBefore(start)))
                && (end >= haystack.length() || !isWordChar(haystack.codePointAt(end)));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
    }
}
