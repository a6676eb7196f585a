package dev.herald.moderation.review;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * A channel with a three-stage workflow (初审, 保密审查, 终审 by a leader), through the API: stage after stage,
 * four eyes, send-back, escalation, the queue by stage, and one publication carrying its sign-off chain.
 * Each test has a channel of its own, so the other tests' channels keep their single stage.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class StagedWorkflowTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final RequestPostProcessor WANG = TestTokens.moderator("wang.fang");
    static final RequestPostProcessor LI = TestTokens.moderator("li.na");
    static final RequestPostProcessor ZHAO = leader("zhao.lei");
    static final RequestPostProcessor QIAN = leader("qian.hui");

    @Autowired
    MockMvcTester http;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachStageInTurnThenOnePublicationWithItsSignOffChain() {
        String channel = workflowChannel();
        String id = submitted(channel, "三审三校的报道", "医院党委组织党员开展主题党日活动，重温入党誓词。");
        assertThat(detail(id)).contains("\"stage\":{\"name\":\"初审\"", "\"number\":1,\"of\":3");
        assertThat(post(ZHAO, id, "approve", "{}")).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(post(WANG, id, "approve", "{\"note\":\"事实核实\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.stage.name").isEqualTo("保密审查");
        assertThat(post(WANG, id, "approve", "{\"confidentialityChecked\":true}")).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().extractingPath("$.type")
                .isEqualTo("https://herald.dev/problems/four-eyes");
        assertThat(post(LI, id, "approve", "{}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("confidentialityChecked");
        assertThat(post(LI, id, "approve", "{\"confidentialityChecked\":true}")).hasStatusOk();
        assertThat(post(ZHAO, id, "approve", "{\"note\":\"同意发布\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        List<ConsumerRecord<String, String>> published = kafka.awaitRecords("article-published",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        assertThat(published).filteredOn(r -> id.equals(r.key())).singleElement().satisfies(r -> assertThat(r.value())
                .contains("\"moderator\":\"zhao.lei\"", "\"signOffs\":[{\"stage\":\"初审\",\"by\":\"wang.fang\",\"role\":\"MODERATOR\"",
                        "{\"stage\":\"保密审查\",\"by\":\"li.na\"", "\"confidentialityReview\":true",
                        "{\"stage\":\"终审\",\"by\":\"zhao.lei\",\"role\":\"LEADER\""));
        assertThat(meters.get("herald.moderation.stage.time").tag("stage", "保密审查").timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePeopleOfEachStageAreToldWhenAReportReachesItAgainAfterASendBackAndNotOnceItIsPublished() {
        String channel = workflowChannel();
        String id = submitted(channel, "逐级通知的报道", "医院党委组织党员参观革命纪念馆，重温入党誓词。");
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();
        assertThat(post(LI, id, "send-back", "{\"stage\":\"初审\",\"message\":\"请核实人数\"}")).hasStatusOk();
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();
        assertThat(post(LI, id, "approve", "{\"confidentialityChecked\":true}")).hasStatusOk();
        assertThat(post(ZHAO, id, "approve", "{}")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        // the outbox sends at least once: the facts are the distinct event ids, in the order they were made
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        kafka.awaitRecords("review-stage-entered", all -> all.stream().filter(r -> id.equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")).distinct().count() >= 5, Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).forEach(r -> facts.putIfAbsent(
                        r.value().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1"),
                        r.value().replaceAll(".*\"stage\":\"([^\"]+)\".*\"role\":\"([A-Z_]+)\".*", "$1 $2")));
        assertThat(facts.values()).containsExactly("初审 MODERATOR", "保密审查 MODERATOR", "初审 MODERATOR", "保密审查 MODERATOR", "终审 LEADER");
    }

    @Test
    void aLaterStageSendsBackAndAnImportantReportWaitsForTheEscalationStage() {
        String channel = workflowChannel();
        String id = submitted(channel, "重要报道", "医院召开年度工作会议，部署重点任务。");
        assertThat(post(WANG, id, "important", "{\"reason\":\"涉及重大活动\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.stage.of").isEqualTo(4);
        post(WANG, id, "approve", "{}");
        assertThat(post(LI, id, "send-back", "{\"stage\":\"保密审查\",\"message\":\"?\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("stage");
        assertThat(post(LI, id, "send-back", "{\"stage\":\"初审\",\"message\":\"请核实会议时间\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.stage.name").isEqualTo("初审");
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();
        assertThat(post(LI, id, "approve", "{\"confidentialityChecked\":true}")).hasStatusOk();
        assertThat(post(ZHAO, id, "approve", "{}")).hasStatusOk().bodyJson().extractingPath("$.stage.name").isEqualTo("签发");
        assertThat(post(ZHAO, id, "approve", "{}")).hasStatus(409);
        assertThat(post(QIAN, id, "approve", "{}")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        assertThat(detail(id)).contains("\"action\":\"sent-back\"", "\"action\":\"marked-important\"");
    }

    @Test
    void theQueueFiltersByStageAndShowsWhatTheCallerMayDecide() {
        String channel = workflowChannel();
        String first = submitted(channel, "初审中的报道", "社区组织志愿者开展环境整治活动。");
        String second = submitted(channel, "保密审查中的报道", "社区卫生服务中心开展义诊活动。");
        post(WANG, second, "approve", "{}");

        assertThat(queue(LI, "channel=" + channel + "&stage=" + "保密审查")).contains(second).doesNotContain(first);
        assertThat(queue(WANG, "channel=" + channel + "&decidable=true")).contains(first).doesNotContain(second);
        assertThat(queue(LI, "channel=" + channel + "&decidable=true")).contains(first, second);
        assertThat(queue(ZHAO, "channel=" + channel + "&decidable=true")).doesNotContain(first, second);
    }

    @Test
    void aClassificationMarkingMakesTheReportImportant() {
        String channel = workflowChannel();
        String id = submitted(channel, "工作方案", "机密★1年\\n关于调整有关工作的方案。");

        assertThat(detail(id)).contains("\"important\":true", "\"kind\":\"CONFIDENTIAL\"", "\"of\":4");
    }

    @Test
    void aReportTheUnitMarkedImportantWaitsForTheEscalationStageAndAnUnmarkedOneDoesNot() {
        String channel = workflowChannel();
        String marked = submitted(channel, "重要会议报道", "医院召开党委会议，研究部署重点工作。", ",\"important\":true");
        String plain = submitted(channel, "一般活动报道", "社区组织志愿者开展环境整治活动。", "");

        assertThat(detail(marked)).contains("\"important\":true", "\"of\":4", "marked important by the unit on submission");
        assertThat(detail(plain)).contains("\"important\":false", "\"of\":3");
    }

    @Test
    void theLastSignOffSchedulesThePublicationWhichALeaderOrAnAdministratorMovesOrCancels() {
        String channel = workflowChannel();
        String id = submitted(channel, "定时发布的报道", "医院召开年度总结大会，表彰先进集体和个人。");
        String later = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString();
        assertThat(post(WANG, id, "approve", "{\"publishAt\":\"" + later + "\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("publishAt");
        post(WANG, id, "approve", "{}");
        post(LI, id, "approve", "{\"confidentialityChecked\":true}");
        assertThat(post(ZHAO, id, "approve", "{\"publishAt\":\"2026-12-04 09:00\"}")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().extractingPath("$.errors[0].field").isEqualTo("publishAt");
        assertThat(post(ZHAO, id, "approve", "{\"publishAt\":\"2999-01-01T00:00:00Z\"}")).hasStatus(400);

        assertThat(post(ZHAO, id, "approve", "{\"note\":\"定时发布\",\"publishAt\":\"" + later + "\"}")).hasStatusOk()
                .bodyJson().satisfies(json -> assertThat(json).extractingPath("$.status").isEqualTo("SCHEDULED"))
                .extractingPath("$.publishAt").isEqualTo(java.time.OffsetDateTime.parse(later).toInstant().toString());
        assertThat(queue(WANG, "status=SCHEDULED&channel=" + channel)).contains(id);
        assertThat(schedule(WANG, id, "PUT", "{}")).hasStatus(403);
        assertThat(schedule(TestTokens.admin(), id, "DELETE", null)).hasStatusOk()
                .bodyJson().extractingPath("$.stage.name").isEqualTo("终审");
        assertThat(post(ZHAO, id, "approve", "{\"publishAt\":\"" + later + "\"}")).hasStatusOk();
        assertThat(schedule(QIAN, id, "PUT", "{\"publishAt\":\"2020-01-01T00:00:00+08:00\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        List<ConsumerRecord<String, String>> published = kafka.awaitRecords("article-published",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        assertThat(published).filteredOn(r -> id.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"moderator\":\"zhao.lei\"", "\"title\":\"定时发布的报道\""));
        assertThat(detail(id)).contains("\"action\":\"scheduled\"", "\"action\":\"schedule-cancelled\"",
                "\"action\":\"schedule-moved\"", "\"action\":\"published\"");
    }

    private MvcTestResult schedule(RequestPostProcessor who, String id, String method, String json) {
        var request = method.equals("PUT") ? http.put().uri("/api/reviews/{id}/schedule", id).contentType(MediaType.APPLICATION_JSON).content(json)
                : http.delete().uri("/api/reviews/{id}/schedule", id);
        return request.with(who).exchange();
    }

    private String workflowChannel() {
        String channel = "三审栏目" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.put().uri("/api/workflows/{name}", channel).with(TestTokens.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"%s","stages":[{"name":"初审","role":"MODERATOR"},
                         {"name":"保密审查","role":"MODERATOR","confidentiality":true},{"name":"终审","role":"LEADER"}]}"""
                        .formatted(channel))).hasStatus(201);
        return channel;
    }

    private String submitted(String channel, String title, String body) {
        return submitted(channel, title, body, "");
    }

    private String submitted(String channel, String title, String body, String moreFields) {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"某医院党委","channel":"%s","title":"%s","body":"%s"%s}"""
                .formatted(UUID.randomUUID(), java.time.Instant.now(), id, channel, title, body, moreFields), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).hasStatusOk());
        return id;
    }

    private MvcTestResult post(RequestPostProcessor who, String id, String action, String json) {
        return http.post().uri("/api/reviews/{id}/" + action, id).with(who).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private String detail(String id) {
        return body(http.get().with(WANG).uri("/api/reviews/{id}", id).exchange());
    }

    private String queue(RequestPostProcessor who, String query) {
        return body(http.get().with(who).uri("/api/reviews?size=100&" + query).exchange());
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** A leader's token as the local issuer makes it; the shared test tokens know the older roles only. */
    static RequestPostProcessor leader(String name) {
        return jwt().jwt(token -> token.subject(name).claim("roles", List.of("LEADER")))
                .authorities(new SimpleGrantedAuthority("ROLE_LEADER"));
    }
}
