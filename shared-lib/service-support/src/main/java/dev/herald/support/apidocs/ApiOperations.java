package dev.herald.support.apidocs;

import dev.herald.support.web.ProblemTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What springdoc cannot read from a controller, added to every operation of the document: the example of each
 * request and response body ({@link ApiExamples}), who may call it ({@link WhoMayCall}: {@code x-herald-roles},
 * no security requirement where anyone may), and the problem responses it can give, each typed by its
 * {@link ProblemTypes} URI (docs/problems.md lists them all).
 */
final class ApiOperations implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private final ApiExamples examples;
    private final WhoMayCall whoMayCall;

    ApiOperations(ApiExamples examples, WhoMayCall whoMayCall) {
        this.examples = examples;
        this.whoMayCall = whoMayCall;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        new java.util.TreeMap<>(problems()).forEach((status, response) -> api.getComponents().addResponses(problemName(status), response));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                customise(method.name() + " " + path, method, path, operation)));
    }

    private void customise(String key, PathItem.HttpMethod method, String path, Operation operation) {
        if (operation.getRequestBody() != null) {
            withExamples(key, "request", operation.getRequestBody().getContent());
        }
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> withExamples(key, status, response.getContent()));

        List<String> roles = whoMayCall.roles(method.name(), path);
        operation.addExtension("x-herald-roles", roles);
        boolean open = roles.contains(WhoMayCall.ANYONE);
        if (open) {
            operation.setSecurity(List.of());
        }
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        String who = open ? "Anyone may call it, with or without a token." : "Roles that may call it: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        if (takesInput) {
            problem(responses, 400);
        }
        if (!open) {
            problem(responses, 401);
            problem(responses, 403);
        }
        if (path.contains("{")) {
            problem(responses, 404);
        }
        if (operation.getRequestBody() != null) {
            problem(responses, 413);
        }
        if (writes || open) {
            problem(responses, 429);
        }
    }

    private void withExamples(String key, String part, Content content) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                Object example = examples.of(key, part, media.getSchema());
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }

    /** The problem responses operations refer to, each with the type URIs it may carry and an example. */
    static Map<Integer, ApiResponse> problems() {
        return Map.of(
            400, problemResponse(400, "The request is wrong (`errors` names each field) or could not be read at all.",
                    ProblemTypes.INVALID_REQUEST, ProblemTypes.MALFORMED_REQUEST),
            401, problemResponse(401, "No valid bearer token (with `WWW-Authenticate: Bearer`).", ProblemTypes.forStatus(401)),
            403, problemResponse(403, "The token's role may not do this (`x-herald-roles` lists the roles that may).",
                    ProblemTypes.forStatus(403)),
            404, problemResponse(404, "No such resource, or one this caller may not see.", ProblemTypes.forStatus(404)),
            413, problemResponse(413, "The body, or a field of it, is over its limit.", ProblemTypes.forStatus(413)),
            429, problemResponse(429, "Over the caller's rate limit for this endpoint; `Retry-After` says when to try again.",
                    ProblemTypes.forStatus(429)));
    }

    static String problemName(int status) {
        return "Problem" + status;
    }

    /** A problem response the operation can give, unless the controller declared that status itself. */
    private static void problem(ApiResponses responses, int status) {
        responses.putIfAbsent(String.valueOf(status), new ApiResponse().$ref("#/components/responses/" + problemName(status)));
    }

    private static ApiResponse problemResponse(int status, String when, java.net.URI... types) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", types[0].toString());
        example.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        example.put("status", status);
        if (types[0].equals(ProblemTypes.INVALID_REQUEST)) {
            example.put("detail", "the request has invalid fields");
            example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        StringBuilder description = new StringBuilder(when).append(types.length > 1 ? " Problem types: " : " Problem type: ");
        for (int i = 0; i < types.length; i++) {
            description.append(i == 0 ? "" : ", ").append('`').append(types[i]).append('`');
        }
        return new ApiResponse().description(description.append(" (docs/problems.md).").toString())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field: a path like edits.title, or a query parameter"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("An RFC 9457 problem; branch on type (or status), never on title or detail")
                .addProperty("type", new StringSchema().format("uri").description("stable, under " + ProblemTypes.BASE))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("for invalid-request: each wrong field"));
    }
}
