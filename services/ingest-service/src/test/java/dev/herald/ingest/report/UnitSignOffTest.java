package dev.herald.ingest.report;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * A unit registered to sign off its own reports (issue 16.5): each waits in ingest until the unit's
 * UNIT_REVIEWER approves it, and only then is it announced to moderation; or the reviewer sends it back to
 * the submitter, whose revision waits again. Each test registers a unit of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class UnitSignOffTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    MockMvcTester http;

    @Test
    void aReportWaitsForTheUnitsReviewerAndIsAnnouncedOnceOnlyWhenSignedOff() {
        String unit = unitThatSignsOff();
        String id = submitted(unit, "待本单位签发的报道");

        assertThat(view(unit, id)).contains("\"status\":\"AWAITING_UNIT_SIGN_OFF\"");
        assertThat(body(http.get().uri("/api/reports").with(reviewer(unit, "zhang.shuji")).exchange()))
                .contains(id, "\"status\":\"AWAITING_UNIT_SIGN_OFF\"");
        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(reviewer(unit, "zhang.shuji")).exchange()).hasStatusOk()
                .bodyJson().satisfies(json -> assertThat(json).extractingPath("$.status").isEqualTo("SUBMITTED"))
                .extractingPath("$.signedOffBy").isEqualTo("zhang.shuji");

        List<ConsumerRecord<String, String>> announced = kafka.awaitRecords("article-submitted",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        // sent at once had it been announced on submission, long before the sign-off's event
        assertThat(announced).filteredOn(r -> id.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("待本单位签发的报道", "\"revision\":1"));
        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(reviewer(unit, "zhang.shuji")).exchange()).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // the unit's people hear of both steps: its reviewers that it waited, its submitter that it went on
        assertThat(signOffSteps(id, 2)).containsExactly("AWAITING revision 1 by null", "SIGNED_OFF revision 1 by zhang.shuji");
    }

    @Test
    void theReviewerSendsAReportBackToItsSubmitterAndTheRevisionWaitsForTheSignOffAgain() {
        String unit = unitThatSignsOff();
        String id = submitted(unit, "需要修改的报道");

        assertThat(http.post().uri("/api/reports/{id}/request-changes", id).with(reviewer(unit, "zhang.shuji"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"请补充活动时间\"}").exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("CHANGES_REQUESTED");
        assertThat(view(unit, id)).contains("请补充活动时间");

        assertThat(http.post().uri("/api/reports/{id}/revisions", id).with(TestTokens.unit(unit)).contentType(MediaType.APPLICATION_JSON)
                .content(report("已补充活动时间的报道")).exchange()).hasStatus(202)
                .bodyJson().extractingPath("$.status").isEqualTo("AWAITING_UNIT_SIGN_OFF");
        assertThat(view(unit, id)).contains("\"revision\":2", "\"status\":\"AWAITING_UNIT_SIGN_OFF\"");
        assertThat(signOffSteps(id, 3)).containsExactly("AWAITING revision 1 by null",
                "RETURNED revision 1 by zhang.shuji: 请补充活动时间", "AWAITING revision 2 by null");
    }

    @Test
    void onlyAReviewerOfTheReportsOwnUnitSignsItOff() {
        String unit = unitThatSignsOff();
        String id = submitted(unit, "只能本单位签发");

        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(reviewer(unitThatSignsOff(), "li.shuji")).exchange())
                .hasStatus(404);
        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(TestTokens.unit(unit)).exchange()).hasStatus(403);
        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(TestTokens.moderator("wang.fang")).exchange()).hasStatus(403);
        assertThat(http.post().uri("/api/reports/{id}/request-changes", id).with(reviewer(unit, "zhang.shuji"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"message\":\" \"}").exchange()).hasStatus(400);
        assertThat(view(unit, id)).contains("\"status\":\"AWAITING_UNIT_SIGN_OFF\"");
    }

    @Test
    void aUnitThatDoesNotSignOffItsReportsSubmitsThemStraightToModeration() {
        String unit = "直报单位" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.put().uri("/api/units/{name}", unit).with(TestTokens.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{}").exchange()).hasStatus(201).bodyJson().extractingPath("$.unitSignOff").isEqualTo(false);

        String id = submitted(unit, "直接报送的报道");

        assertThat(view(unit, id)).contains("\"status\":\"SUBMITTED\"");
        assertThat(http.post().uri("/api/reports/{id}/sign-off", id).with(reviewer(unit, "zhang.shuji")).exchange()).hasStatus(409);
    }

    /** The unit-sign-off-changed events of one report, in order, once {@code count} of them are out. */
    private static List<String> signOffSteps(String id, int count) {
        return kafka.awaitRecords("unit-sign-off-changed",
                        seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= count, Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).map(r -> JSON.readTree(r.value()))
                .map(e -> e.path("state").asString() + " revision " + e.path("revision").asInt() + " by "
                        + (e.path("by").isNull() ? "null" : e.path("by").asString())
                        + (e.path("message").isNull() ? "" : ": " + e.path("message").asString()))
                .toList();
    }

    private String unitThatSignsOff() {
        String unit = "自审单位" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.put().uri("/api/units/{name}", unit).with(TestTokens.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitSignOff\":true}").exchange()).hasStatus(201).bodyJson().extractingPath("$.unitSignOff").isEqualTo(true);
        return unit;
    }

    private String submitted(String unit, String title) {
        MvcTestResult result = http.post().uri("/api/reports").with(TestTokens.unit(unit)).contentType(MediaType.APPLICATION_JSON)
                .content(report(title)).exchange();
        assertThat(result).hasStatus(202);
        return body(result).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private String view(String unit, String id) {
        return body(http.get().with(TestTokens.unit(unit)).uri("/api/reports/{id}", id).exchange());
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String report(String title) {
        return """
                {"channel":"党建动态","title":"%s","body":"医院党委组织党员开展主题党日活动。","tags":["党建"]}""".formatted(title);
    }

    /** A unit's responsible person's token as the local issuer makes it: the role and the unit it acts for. */
    static RequestPostProcessor reviewer(String unit, String name) {
        return jwt().jwt(token -> token.subject(name).claim("roles", List.of("UNIT_REVIEWER")).claim("unit", unit))
                .authorities(new SimpleGrantedAuthority("ROLE_UNIT_REVIEWER"));
    }
}
