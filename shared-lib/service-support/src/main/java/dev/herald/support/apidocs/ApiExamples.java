package dev.herald.support.apidocs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The example payloads of a service's OpenAPI document, written once as JSON: {@code api-examples.json} on the
 * service's class path, and {@code META-INF/herald/api-examples.json} here for the endpoints every service has
 * (dead letters). Each file holds {@code schemas}, an example per body record by its schema name, used wherever
 * that record is a request or response body (or the item of a list), and {@code operations}, keyed
 * {@code "GET /api/search/dictionary"}, for a body that is no record, each with {@code request} and/or a status.
 * The service's own entries win over the shared ones of the same name.
 */
final class ApiExamples {

    static final String SERVICE_FILE = "api-examples.json";
    static final String SHARED_FILE = "META-INF/herald/api-examples.json";

    private final Map<String, Object> schemas = new HashMap<>();
    private final Map<String, Map<String, Object>> operations = new HashMap<>();

    static ApiExamples fromClassPath(ClassLoader loader) {
        ApiExamples examples = new ApiExamples();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        try {
            for (String file : List.of(SHARED_FILE, SERVICE_FILE)) {
                for (Resource resource : resolver.getResources("classpath*:" + file)) {
                    try (InputStream in = resource.getInputStream()) {
                        examples.add(Json.mapper().readValue(in, Map.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable API examples: " + e.getMessage(), e);
        }
        return examples;
    }

    @SuppressWarnings("unchecked")
    private void add(Map<String, Object> file) {
        schemas.putAll((Map<String, Object>) file.getOrDefault("schemas", Map.of()));
        ((Map<String, Map<String, Object>>) file.getOrDefault("operations", Map.of())).forEach(operations::put);
    }

    /**
     * The example of a body: the operation's own for {@code part} ({@code request} or a status), else its
     * record's, as a list of one for a list of records; null when none is written.
     */
    Object of(String operation, String part, Schema<?> schema) {
        Object own = operations.getOrDefault(operation, Map.of()).get(part);
        if (own != null || schema == null) {
            return own;
        }
        if (schema.get$ref() != null) {
            return schemas.get(name(schema.get$ref()));
        }
        Schema<?> items = schema.getItems();
        if (items != null && items.get$ref() != null && schemas.containsKey(name(items.get$ref()))) {
            return List.of(schemas.get(name(items.get$ref())));
        }
        return null;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
