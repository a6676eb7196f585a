package dev.herald.events;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The published name of an event kind, kept apart from the Java class that happens to carry it,
 * so a class can be renamed or moved without breaking a consumer.
 *
 * @param type     the CloudEvents {@code type} attribute, versioned, e.g. {@code herald.article.published.v1}
 * @param topic    the Kafka topic the event travels on
 * @param payload  the record a consumer decodes it into
 * @param required the fields a consumer needs before it can act, checked on arrival
 */
public record EventType<T extends HeraldEvent>(String type, String topic, Class<T> payload,
                                               List<Required<T>> required) {

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payload);
        required = List.copyOf(required);
    }

    /** Names the first contract violation of an event, or returns null when it is acceptable. */
    public String violation(T event) {
        if (event.eventId() == null) return "eventId is missing";
        if (event.when() == null) return "when is missing";
        if (blank(event.articleId())) return "articleId is missing";
        for (Required<T> field : required) {
            Object value = field.accessor().apply(event);
            if (value == null || (value instanceof String s && s.isBlank())) {
                return field.name() + " is missing";
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public record Required<T>(String name, Function<T, Object> accessor) {
    }
}
