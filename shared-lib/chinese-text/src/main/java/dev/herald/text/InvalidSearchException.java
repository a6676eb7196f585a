package dev.herald.text;

/**
 * A search that {@link SearchSyntax} cannot read. {@link #problem()} says what is wrong in words that fit
 * after the name of the field the search came in ("q has a quote that is not closed"); the message also
 * quotes the search.
 */
public final class InvalidSearchException extends IllegalArgumentException {

    private final String problem;

    public InvalidSearchException(String query, String problem) {
        super("search " + quoted(query) + " " + problem);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }

    private static String quoted(String query) {
        String shown = query.length() > 80 ? query.substring(0, 80) + "…" : query;
        return "«" + shown + "»";
    }
}
