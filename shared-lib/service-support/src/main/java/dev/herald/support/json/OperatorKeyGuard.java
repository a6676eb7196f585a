package dev.herald.support.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Refuses JSON field names that MongoDB would read as operators or paths ({@code $gt}, {@code a.b}).
 * Other unknown fields are still ignored, as tolerant readers do; these never are, so such a name
 * can never travel from a request body towards a query.
 */
public class OperatorKeyGuard extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws JacksonException {
        if (isOperatorOrPath(propertyName)) {
            throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, null);
        }
        return false;
    }

    public static boolean isOperatorOrPath(String name) {
        return name.startsWith("$") || name.indexOf('.') >= 0 || name.indexOf('\0') >= 0;
    }
}
