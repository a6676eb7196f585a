package dev.herald.support.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Each handler whose success status is chosen at run time (it returns a {@code ResponseEntity}) but not stated
     * with an {@code @ApiResponse} of a 2xx code: springdoc cannot see that status and documents a 200, which an
     * integrator then tests for, as {@code POST /api/reports} was documented 200 while it answers 202.
     */
    public static List<String> handlersWithUnstatedStatus(RequestMappingHandlerMapping mappings) {
        List<String> unstated = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, method) -> {
            boolean runtimeStatus = ResponseEntity.class.isAssignableFrom(method.getMethod().getReturnType());
            boolean stated = Arrays.stream(method.getMethod().getAnnotationsByType(ApiResponse.class))
                    .anyMatch(response -> response.responseCode().startsWith("2"));
            // the error controller answers for every path and is in no document, as springdoc leaves it out
            boolean documented = method.getBeanType().getPackageName().startsWith("dev.herald")
                    && !ErrorController.class.isAssignableFrom(method.getBeanType())
                    && !method.getMethod().isAnnotationPresent(Hidden.class) && !method.getBeanType().isAnnotationPresent(Hidden.class);
            if (runtimeStatus && documented && !stated) {
                unstated.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName() + " " + mapping);
            }
        });
        return unstated;
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
