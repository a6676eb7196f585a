package dev.herald.support.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What every service's ApiDocumentTest holds its generated document to, beyond being the checked-in one. */
public final class ApiDocumentCheck {

    private ApiDocumentCheck() {
    }

    /** Each body of the document without an example, as {@code "POST /api/reports request"} or {@code "GET /api/x 200"}. */
    public static List<String> bodiesWithoutExamples(String yaml) {
        OpenAPI api = parse(yaml);
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name() + " " + path;
            if (operation.getRequestBody() != null && !exemplified(operation.getRequestBody().getContent())) {
                missing.add(key + " request");
            }
            operation.getResponses().forEach((status, response) -> {
                if (!exemplified(response.getContent())) {
                    missing.add(key + " " + status);
                }
            });
        }));
        return missing;
    }

    /** Each operation that states no {@code x-herald-roles}: whom it is for is unknown, or no one may call it. */
    public static List<String> operationsWithoutRoles(String yaml) {
        List<String> missing = new ArrayList<>();
        parse(yaml).getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get("x-herald-roles");
            if (!(roles instanceof List<?> list) || list.isEmpty()) {
                missing.add(method.name() + " " + path);
            }
        }));
        return missing;
    }

    private static boolean exemplified(Content content) {
        return content == null || content.values().stream().allMatch(media -> media.getExample() != null
                || (media.getExamples() != null && !media.getExamples().isEmpty()));
    }

    private static OpenAPI parse(String yaml) {
        try {
            return Yaml31.mapper().readValue(yaml, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
