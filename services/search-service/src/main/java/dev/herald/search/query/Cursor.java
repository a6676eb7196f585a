package dev.herald.search.query;

import dev.herald.support.web.InvalidRequestException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page ended, by the sort values of its last hit rather than by position, so the
 * next page starts exactly after it however deep the reader goes and whatever was indexed meanwhile.
 * Every order ends on the article id, so the position is unambiguous.
 */
public record Cursor(SearchRequest.Order order, float score, long publishedAt, String id) {

    public String encode() {
        String plain = order.name() + "|" + score + "|" + publishedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, SearchRequest.Order expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split("\\|", 4);
            Cursor cursor = new Cursor(SearchRequest.Order.valueOf(parts[0]), Float.parseFloat(parts[1]), Long.parseLong(parts[2]),
                    parts[3]);
            if (cursor.order != expected) {
                throw new InvalidRequestException("after", "belongs to a search sorted by " + cursor.order.name().toLowerCase());
            }
            return cursor;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidRequestException("after", "is not a cursor this service issued");
        }
    }

    static Cursor of(SearchRequest.Order order, FieldDoc last) {
        Object[] f = last.fields;
        return order == SearchRequest.Order.RELEVANCE
                ? new Cursor(order, (Float) f[0], (Long) f[1], ((BytesRef) f[2]).utf8ToString())
                : new Cursor(order, 0f, (Long) f[0], ((BytesRef) f[1]).utf8ToString());
    }

    /**
     * @param lastDoc the reader's last document number: only the sort values decide, and the hit the
     *                cursor names, equal on all of them, must not come back
     */
    FieldDoc toFieldDoc(int lastDoc) {
        Object[] fields = order == SearchRequest.Order.RELEVANCE
                ? new Object[]{score, publishedAt, new BytesRef(id)}
                : new Object[]{publishedAt, new BytesRef(id)};
        return new FieldDoc(lastDoc, score, fields);
    }
}
