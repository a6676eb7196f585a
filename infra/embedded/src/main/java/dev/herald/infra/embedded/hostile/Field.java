package dev.herald.infra.embedded.hostile;

import java.util.List;

/**
 * What an endpoint accepts in one field of its JSON body, by dotted path ({@code filter.keywords}).
 *
 * @param maxLength for text: the longest accepted; for lists: the most items
 * @param allowed   for enumerations: the accepted values; empty otherwise
 */
public record Field(String path, Kind kind, boolean required, int maxLength, List<String> allowed) {

    public enum Kind { TEXT, TEXT_LIST, ENUM }

    public static Field text(String path, boolean required, int maxLength) {
        return new Field(path, Kind.TEXT, required, maxLength, List.of());
    }

    public static Field textList(String path, int maxItems) {
        return new Field(path, Kind.TEXT_LIST, false, maxItems, List.of());
    }

    public static Field oneOf(String path, String... values) {
        return new Field(path, Kind.ENUM, true, 0, List.of(values));
    }
}
