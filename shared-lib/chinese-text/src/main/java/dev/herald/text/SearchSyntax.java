package dev.herald.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The little syntax readers search with: words, {@code "quoted phrases"} that must appear as written, and
 * a leading {@code -} to exclude a word or phrase. Nothing else is special, so brackets, colons and
 * wildcards are just characters of the text. Straight, curly and full-width double quotes all quote.
 * The parts are kept as typed; normalising them is for whoever matches them.
 */
public record SearchSyntax(List<Part> included, List<Part> excluded) {

    public static final int MAX_PARTS = 32;

    /** @param phrase whether the reader quoted it */
    public record Part(String text, boolean phrase) {
    }

    public SearchSyntax {
        included = List.copyOf(included);
        excluded = List.copyOf(excluded);
    }

    /** @throws InvalidSearchException when a quote is left open or there are more than {@value #MAX_PARTS} parts */
    public static SearchSyntax parse(String query) {
        List<Part> included = new ArrayList<>();
        List<Part> excluded = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            // a lone '-' followed by a space is a character of the text, not an exclusion
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1));
            int start = negated ? i + 1 : i;
            Part part;
            if (isQuote(query.charAt(start))) {
                int close = closingQuote(query, start + 1);
                if (close < 0) {
                    throw new InvalidSearchException(query, "has a quote that is not closed");
                }
                part = new Part(query.substring(start + 1, close).strip(), true);
                i = close + 1;
            } else {
                int end = start;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && !isQuote(query.charAt(end))) {
                    end++;
                }
                part = new Part(query.substring(start, end), false);
                i = end;
            }
            if (!part.text().isEmpty()) {
                (negated ? excluded : included).add(part);
            }
            if (included.size() + excluded.size() > MAX_PARTS) {
                throw new InvalidSearchException(query, "has more than " + MAX_PARTS + " words and phrases");
            }
        }
        return new SearchSyntax(included, excluded);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '＂';
    }

    private static int closingQuote(String query, int from) {
        for (int i = from; i < query.length(); i++) {
            if (isQuote(query.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
