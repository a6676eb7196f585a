package dev.herald.search.query;

import dev.herald.text.SearchSyntax;
import dev.herald.support.web.InvalidRequestException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A checked search: the text as typed (trimmed) and parsed, exact filters, a date range (inclusive,
 * in the service's zone), the order, and either a page number or the cursor of the previous page.
 */
public record SearchRequest(String query, SearchSyntax syntax, String channel, String unit, LocalDate from, LocalDate to,
                     Order order, int page, int size, Cursor after) {

    static final int MAX_QUERY = 200;
    static final int MAX_SIZE = 50;
    static final int MAX_FILTER = 200;
    /** Offset paging collects every earlier hit; past this window the cursor ({@code after}) goes on cheaply. */
    static final int MAX_WINDOW = 10_000;

    public enum Order { RELEVANCE, DATE }

    public static SearchRequest of(String q, String channel, String unit, String from, String to, String sort, int page, int size,
                            String after) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidRequestException("q", "must be 1 to " + MAX_QUERY + " characters");
        }
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (after == null && (long) (page + 1) * size > MAX_WINDOW) {
            throw new InvalidRequestException("page", "reaches past the first " + MAX_WINDOW
                    + " results: follow the previous page's 'next' cursor with after= instead");
        }
        Order order = order(sort);
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after, order);
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("to", "is before from");
        }
        return new SearchRequest(query, syntax(query), filter("channel", channel), filter("unit", unit),
                fromDate, toDate, order, cursor == null ? page : 0, size, cursor);
    }

    private static SearchSyntax syntax(String query) {
        try {
            return SearchSyntax.parse(query);
        } catch (dev.herald.text.InvalidSearchException e) {
            throw new InvalidRequestException("q", e.problem());
        }
    }

    private static Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Order.RELEVANCE;
        }
        try {
            return Order.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("sort", "must be relevance or date");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be a date like 2020-04-02");
        }
    }

    private static String filter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new InvalidRequestException(name, "must be at most " + MAX_FILTER + " characters");
        }
        return value.strip();
    }
}
