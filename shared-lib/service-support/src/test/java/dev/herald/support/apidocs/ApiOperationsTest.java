package dev.herald.support.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's OpenAPI document gets on top of springdoc's: examples from the JSON files written once
 * (the service's over the shared ones), and the problem responses that apply to each operation.
 */
class ApiOperationsTest {

    private final ApiOperations operations = new ApiOperations(ApiExamples.fromClassPath(getClass().getClassLoader()),
            new WhoMayCall(List.of()));

    @Test
    void aRecordsExampleIsUsedWhereverItIsABodyAndAsTheOneItemOfAList() {
        OpenAPI api = api("/api/widgets/{id}", PathItem.HttpMethod.PUT, ref("Widget"), ref("Widget"));
        api.getPaths().addPathItem("/api/widgets", new PathItem().get(new Operation().responses(new ApiResponses()
                .addApiResponse("200", json(new ArraySchema().items(ref("Widget")))))));

        operations.customise(api);

        Map<String, Object> widget = Map.of("id", "w-1", "name", "小部件");
        Operation put = api.getPaths().get("/api/widgets/{id}").getPut();
        assertThat(put.getRequestBody().getContent().get("application/json").getExample()).isEqualTo(widget);
        assertThat(put.getResponses().get("200").getContent().get("application/json").getExample()).isEqualTo(widget);
        assertThat(api.getPaths().get("/api/widgets").getGet().getResponses().get("200").getContent().get("application/json")
                .getExample()).isEqualTo(List.of(widget));
    }

    @Test
    void theServicesOwnExampleWinsOverTheSharedOneOfTheSameName() {
        OpenAPI api = api("/api/admin/dead-letters", PathItem.HttpMethod.GET, null, ref("Page"));

        operations.customise(api);

        assertThat(api.getPaths().get("/api/admin/dead-letters").getGet().getResponses().get("200").getContent()
                .get("application/json").getExample()).isEqualTo(Map.of("total", 0, "page", 0, "size", 20, "deadLetters", List.of()));
    }

    @Test
    void aBodyThatIsNoRecordTakesItsOperationsExample() {
        OpenAPI api = api("/api/widgets/{id}/page", PathItem.HttpMethod.GET, null, new StringSchema());

        operations.customise(api);

        assertThat(api.getPaths().get("/api/widgets/{id}/page").getGet().getResponses().get("200").getContent()
                .get("application/json").getExample()).isEqualTo("<!doctype html><title>小部件</title>");
    }

    @Test
    void eachOperationRefersToTheProblemsItCanGiveAndKeepsTheOnesItDeclares() {
        OpenAPI api = api("/api/widgets/{id}", PathItem.HttpMethod.PUT, ref("Widget"), ref("Widget"));
        api.getPaths().get("/api/widgets/{id}").getPut().getResponses().addApiResponse("404", new ApiResponse().description("own"));
        api.getPaths().addPathItem("/api/widgets", new PathItem().get(new Operation().responses(new ApiResponses()
                .addApiResponse("200", json(ref("Widget"))))));

        operations.customise(api);

        ApiResponses put = api.getPaths().get("/api/widgets/{id}").getPut().getResponses();
        assertThat(put).containsKeys("200", "400", "401", "403", "404", "413", "429");
        assertThat(put.get("404").getDescription()).isEqualTo("own");
        assertThat(put.get("413").get$ref()).isEqualTo("#/components/responses/Problem413");
        // a read without parameters, path variables or body: only the token can be wrong
        assertThat(api.getPaths().get("/api/widgets").getGet().getResponses()).containsOnlyKeys("200", "401", "403");
        assertThat(api.getComponents().getResponses().get("Problem400").getDescription())
                .contains("https://herald.dev/problems/invalid-request", "https://herald.dev/problems/malformed-request");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void theCheckNamesEveryBodyWithoutAnExample() throws Exception {
        OpenAPI api = api("/api/gadgets/{id}", PathItem.HttpMethod.POST, ref("Gadget"), ref("Gadget"));
        operations.customise(api);

        List<String> missing = ApiDocumentCheck.bodiesWithoutExamples(Yaml31.pretty(api));

        assertThat(missing).containsExactly("POST /api/gadgets/{id} request", "POST /api/gadgets/{id} 200");
        assertThat(ApiDocumentCheck.operationsWithoutRoles(Yaml31.pretty(api))).containsExactly("POST /api/gadgets/{id}");
    }

    private static OpenAPI api(String path, PathItem.HttpMethod method, Schema<?> request, Schema<?> response) {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", json(response)));
        if (path.contains("{")) {
            operation.addParametersItem(new PathParameter().name("id").schema(new StringSchema()));
        }
        if (request != null) {
            operation.requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType().schema(request))));
        }
        PathItem item = new PathItem();
        item.operation(method, operation);
        return new OpenAPI().components(new Components()).paths(new Paths().addPathItem(path, item));
    }

    private static ApiResponse json(Schema<?> schema) {
        return new ApiResponse().description("OK").content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
