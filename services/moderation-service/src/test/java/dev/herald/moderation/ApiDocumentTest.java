package dev.herald.moderation;

import dev.herald.infra.embedded.ApiDocument;
import dev.herald.support.apidocs.ApiDocumentCheck;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the code generates is the one checked in as docs/api/moderation-service.yaml, and it and
 * Swagger UI are open to anyone. On a difference, rerun with -Dherald.api-docs.write=true and commit the file.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ApiDocumentTest {

    @Autowired
    MockMvcTester http;

    @Test
    void theGeneratedOpenApiDocumentIsTheCheckedInOne() throws Exception {
        String generated = ApiDocument.withoutServers(http.get().uri("/v3/api-docs.yaml").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(generated).startsWith("openapi: 3.1").contains("/api/reviews:", "bearerFormat: JWT");
        assertThat(ApiDocument.read("moderation-service", generated))
                .as("docs/api/moderation-service.yaml is not what the code generates: rerun with -Dherald.api-docs.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyBodyHasAnExampleAndEveryOperationSaysWhoMayCallIt() throws Exception {
        String generated = http.get().uri("/v3/api-docs.yaml").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(ApiDocumentCheck.bodiesWithoutExamples(generated)).isEmpty();
        assertThat(ApiDocumentCheck.operationsWithoutRoles(generated)).isEmpty();
        assertThat(generated).contains("- MODERATOR", "- ADMIN", "https://herald.dev/problems/forbidden");
    }

    @Test
    void everyStatusAHandlerChoosesAtRunTimeIsStatedForTheDocument(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        assertThat(ApiDocumentCheck.handlersWithUnstatedStatus(mappings)).isEmpty();
    }

    @Test
    void theDocumentAndItsBrowsableUiNeedNoToken() {
        assertThat(http.get().uri("/v3/api-docs")).hasStatusOk();
        assertThat(http.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
