package dev.herald.moderation.workflow;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators keep the workflows through the API; bad ones are problems that name the field. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class WorkflowApiTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    WorkflowService workflows;

    @Test
    void anAdministratorCreatesReadsReplacesListsAndDeletesAWorkflow() {
        String name = "三审-" + UUID.randomUUID();
        String channel = "栏目-" + UUID.randomUUID();

        assertThat(put(name, """
                {"channel":"%s","stages":[{"name":"初审","role":"MODERATOR"},{"name":"复审","role":"MODERATOR","confidentiality":true},
                 {"name":"终审","role":"LEADER"}]}""".formatted(channel))).hasStatus(201)
                .bodyJson().extractingPath("$.stages[1].confidentiality").isEqualTo(true);
        assertThat(http.get().uri("/api/workflows/{name}", name).with(TestTokens.moderator("wang.fang"))).hasStatusOk()
                .bodyJson().extractingPath("$.escalation.name").isEqualTo("签发");
        assertThat(workflows.routeFor(channel, "某单位").stages()).extracting(Stage::name).containsExactly("初审", "复审", "终审");

        assertThat(put(name, """
                {"channel":"%s","stages":[{"name":"审核","role":"MODERATOR"}],"escalation":{"name":"主要领导签发","role":"LEADER"}}"""
                .formatted(channel))).hasStatus(200).bodyJson().extractingPath("$.updatedBy").isEqualTo("admin");
        assertThat(workflows.routeFor(channel, null).escalation().name()).isEqualTo("主要领导签发");
        assertThat(http.get().uri("/api/workflows").with(TestTokens.admin())).hasStatusOk().bodyJson().extractingPath("$[*].name").asArray().contains(name);

        assertThat(http.delete().uri("/api/workflows/{name}", name).with(TestTokens.admin())).hasStatus(204);
        assertThat(http.delete().uri("/api/workflows/{name}", name).with(TestTokens.admin())).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(workflows.routeFor(channel, null)).isEqualTo(Route.SINGLE);
    }

    @Test
    void aUnitsOwnWorkflowBeatsItsChannelsAndAScopeHasOneWorkflow() {
        String channel = "栏目-" + UUID.randomUUID();
        put("channel-" + channel, "{\"channel\":\"%s\",\"stages\":[{\"name\":\"初审\",\"role\":\"MODERATOR\"},{\"name\":\"终审\",\"role\":\"LEADER\"}]}"
                .formatted(channel));
        put("unit-" + channel, "{\"channel\":\"%s\",\"unit\":\"某医院党委\",\"stages\":[{\"name\":\"单审\",\"role\":\"MODERATOR\"}]}"
                .formatted(channel));

        assertThat(workflows.routeFor(channel, "某医院党委").workflow()).isEqualTo("unit-" + channel);
        assertThat(workflows.routeFor(channel, "另一单位").workflow()).isEqualTo("channel-" + channel);
        assertThat(put("again-" + channel, "{\"channel\":\"%s\",\"stages\":[{\"name\":\"审\",\"role\":\"MODERATOR\"}]}".formatted(channel)))
                .hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badWorkflowsAreProblemsThatNameTheField() {
        assertThat(put("bad", "{\"channel\":\"党建动态\",\"stages\":[]}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("stages");
        assertThat(put("bad", """
                {"channel":"党建动态","stages":[{"name":"初审","role":"MODERATOR"},{"name":"初审","role":"LEADER"}]}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("stages[1].name");
        assertThat(put("bad", "{\"channel\":\"党建动态\",\"stages\":[{\"name\":\"初审\",\"role\":\"EDITOR\"}]}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("stages[0].role");
        assertThat(put("bad", """
                {"channel":"党建动态","stages":[{"name":"签发","role":"LEADER"}],"escalation":{"name":"签发","role":"LEADER"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("escalation.name");
        assertThat(put("bad", "{\"stages\":[{\"name\":\"初审\",\"role\":\"MODERATOR\"}]}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("channel");
        assertThat(put("bad", "{\"channel\":\"党建动态\",\"stages\":[{\"name\":\" \",\"role\":\"MODERATOR\"}]}")).hasStatus(400);
        assertThat(http.get().uri("/api/workflows/bad").with(TestTokens.admin())).hasStatus(404);
    }

    @Test
    void onlyAdministratorsChangeWorkflows() {
        String body = "{\"channel\":\"党建动态\",\"stages\":[{\"name\":\"初审\",\"role\":\"MODERATOR\"}]}";

        assertThat(http.put().uri("/api/workflows/x").with(TestTokens.moderator("wang.fang"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(403);
        assertThat(http.delete().uri("/api/workflows/x").with(TestTokens.moderator("wang.fang"))).hasStatus(403);
        assertThat(http.get().uri("/api/workflows").with(TestTokens.unit("某医院党委"))).hasStatus(403);
        assertThat(http.get().uri("/api/workflows")).hasStatus(401);
    }

    private MvcTestResult put(String name, String body) {
        return http.put().uri("/api/workflows/{name}", name).with(TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
