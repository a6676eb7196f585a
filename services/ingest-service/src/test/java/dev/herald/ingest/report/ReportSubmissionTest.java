package dev.herald.ingest.report;

import dev.herald.infra.embedded.EventDeliveries;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.ProcessedEvents;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ReportSubmissionTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final RequestPostProcessor NANNING = TestTokens.unit("南宁市中医医院党委");

    @Autowired
    MockMvcTester http;

    EventDeliveries events;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }

    @Test
    void acceptedReportIsSubmittedAndAnnouncedOnKafkaKeyedByItsId() {
        MvcTestResult result = submit("南宁市中医医院党委", report("主题党日活动"), null);

        assertThat(result).hasStatus(202).hasHeader("Location", "http://localhost/api/reports/" + id(result));
        String id = id(result);
        assertThat(http.get().with(NANNING).uri("/api/reports/{id}", id)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("SUBMITTED");

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-submitted",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, String> event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(event.value()).contains("\"articleId\":\"" + id + "\"").contains("主题党日活动");
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo("herald.article.submitted.v1");
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("urn:herald:ingest-service");
        assertThat(KafkaTestClient.header(event, "ce_id")).isNotBlank();
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstReportInsteadOfASecond() {
        String key = UUID.randomUUID().toString();
        String body = report("健康宣传周");

        String first = id(submit("朝阳区卫生健康委", body, key));
        MvcTestResult again = submit("朝阳区卫生健康委", body, key);

        assertThat(again).hasStatus(202).hasHeader("Idempotent-Replayed", "true");
        assertThat(id(again)).isEqualTo(first);
    }

    @Test
    void sameIdempotencyKeyWithADifferentReportIsRefused() {
        String key = UUID.randomUUID().toString();
        submit("朝阳区卫生健康委", report("第一篇"), key);

        assertThat(submit("朝阳区卫生健康委", report("另一篇"), key)).hasStatus(422)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void missingRequiredFieldsAreNamedInAProblem() {
        MvcTestResult result = submit("某单位", """
                {"unit":"某单位","channel":"","body":"正文"}""", null);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains("channel", "title");
    }

    @Test
    void aReportTheUnitMarksImportantSaysSoInItsSubmissionAndAnUnmarkedOneDoesNot() {
        String marked = id(submit("朝阳区卫生健康委", """
                {"channel":"党建动态","title":"区卫健委召开党委会议","body":"会议研究部署全年重点工作。","important":true}""", null));
        String plain = id(submit("朝阳区卫生健康委", """
                {"channel":"党建动态","title":"社区开展义诊活动","body":"社区卫生服务中心组织医生开展义诊。"}""", null));

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-submitted",
                seen -> seen.stream().filter(r -> marked.equals(r.key()) || plain.equals(r.key())).count() >= 2, Duration.ofSeconds(20));
        assertThat(records.stream().filter(r -> marked.equals(r.key())).findFirst().orElseThrow().value()).contains("\"important\":true");
        assertThat(records.stream().filter(r -> plain.equals(r.key())).findFirst().orElseThrow().value()).contains("\"important\":false");
    }

    @Test
    void sectionTitlesMustBeParagraphsOfTheBodyAndTravelWithTheSubmission() {
        MvcTestResult marked = submit("朝阳区卫生健康委", """
                {"channel":"党建动态","title":"多个单位的抗疫故事","body":"朝阳区各单位积极行动。\\n垂杨柳医院\\n医院党员冲锋在前。",
                 "sections":["垂杨柳医院"]}""", null);
        assertThat(marked).hasStatus(202);
        String id = id(marked);
        assertThat(kafka.awaitRecords("article-submitted", seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value()).contains("\"sections\":[\"垂杨柳医院\"]");

        assertThat(submit("朝阳区卫生健康委", """
                {"channel":"党建动态","title":"标题","body":"朝阳区各单位积极行动。\\n垂杨柳医院党员冲锋在前。","sections":["垂杨柳医院"]}""", null))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("sections");
    }

    @Test
    void wrongTypesAndUnreadableJsonAreBadRequestsNotServerErrors() {
        assertThat(submit("某单位", """
                {"unit":"某单位","channel":"党建新闻","title":"t","body":"b","tags":"not-a-list"}""", null))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tags");
        assertThat(submit("某单位", "{\"unit\": ", null)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(submit("某单位", """
                {"unit":"某单位","channel":"党建新闻","title":"t","body":"b","originalPublishedAt":"去年"}""", null))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("originalPublishedAt");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = "党".repeat(200_000);
        assertThat(submit("某单位", report(huge), null)).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownReportIs404Problem() {
        assertThat(http.get().with(NANNING).uri("/api/reports/{id}", "rpt-nope")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void moderationOutcomesMoveTheStatus() {
        String published = id(submit("南宁市中医医院党委", report("将发布"), null));
        String rejected = id(submit("南宁市中医医院党委", report("将退回"), null));

        kafka.publish("article-published", published, publishedEvent(UUID.randomUUID(), published, "2026-11-20T03:00:00Z"), Map.of());
        kafka.publish("article-rejected", rejected, rejectedEvent(UUID.randomUUID(), rejected, "2026-11-20T03:00:00Z"), Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get().with(NANNING).uri("/api/reports/{id}", published)).bodyJson()
                    .extractingPath("$.status").isEqualTo("PUBLISHED");
            assertThat(http.get().with(NANNING).uri("/api/reports/{id}", rejected)).bodyJson()
                    .extractingPath("$.rejectionReason").isEqualTo("含有网页导航");
        });
    }

    @Test
    void anOlderPublicationArrivingAfterTheRejectionDoesNotUndoIt() {
        String id = id(submit("南宁市中医医院党委", report("先退回后迟到的发布"), null));
        events.deliver("article-rejected", id, "ingest.article-rejected", eventId -> rejectedEvent(eventId, id, "2099-01-01T00:00:00Z"));

        // an event id of its own, so the processed-events guard lets it through and only the staleness check can stop it
        events.deliver("article-published", id, "ingest.article-published",
                eventId -> publishedEvent(eventId, id, "2098-12-31T00:00:00Z"));

        assertThat(http.get().with(NANNING).uri("/api/reports/{id}", id)).bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("REJECTED");
                    assertThat(json).extractingPath("$.rejectionReason").isEqualTo("含有网页导航");
                });
    }

    @Test
    void aRetractionAfterPublicationIsShownWithItsReason() {
        String id = id(submit("南宁市中医医院党委", report("将撤回"), null));
        kafka.publish("article-published", id, """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","version":1,"unit":"u","channel":"c",
                 "title":"t","body":"b","tags":[],"moderator":"m","publishedAt":"2026-11-20T03:00:00Z"}"""
                .formatted(UUID.randomUUID(), id), Map.of());
        kafka.publish("article-retracted", id, """
                {"eventId":"%s","when":"2026-11-21T03:00:00Z","articleId":"%s","version":1,"unit":"u",
                 "reason":"活动日期有误","moderator":"m"}""".formatted(UUID.randomUUID(), id), Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get().with(NANNING).uri("/api/reports/{id}", id)).bodyJson()
                    .extractingPath("$.status").isEqualTo("RETRACTED");
            assertThat(http.get().with(NANNING).uri("/api/reports/{id}", id)).bodyJson()
                    .extractingPath("$.retractionReason").isEqualTo("活动日期有误");
        });
    }

    @Test
    void theReportBelongsToTheTokensUnitWhateverTheBodySays() {
        String id = id(submit("贵州省人民医院党委", """
                {"unit":"冒充的单位","channel":"工作动态","title":"冒名","body":"正文"}""", null));

        assertThat(http.get().with(TestTokens.unit("贵州省人民医院党委")).uri("/api/reports/{id}", id)).hasStatusOk()
                .bodyJson().extractingPath("$.unit").isEqualTo("贵州省人民医院党委");
    }

    @Test
    void aUnitCannotSeeAnotherUnitsReportButModeratorsCan() {
        String id = id(submit("南宁市中医医院党委", report("仅本单位可见"), null));

        assertThat(http.get().with(TestTokens.unit("朝阳区卫生健康委")).uri("/api/reports/{id}", id)).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().with(TestTokens.moderator("wang.fang")).uri("/api/reports/{id}", id)).hasStatusOk();
        assertThat(http.get().with(TestTokens.subscriber("reader-1")).uri("/api/reports/{id}", id)).hasStatus(403);
    }

    @Test
    void withoutATokenNothingIsSubmittedOrShown() {
        assertThat(http.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).content(report("无令牌")))
                .hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().with(TestTokens.moderator("m")).uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON).content(report("非单位"))).hasStatus(403);
        assertThat(http.get().uri("/api/reports/{id}", "rpt-x")).hasStatus(401);
        assertThat(http.get().uri("/actuator/prometheus")).hasStatus(401);
        assertThat(http.get().with(TestTokens.admin()).uri("/actuator/prometheus")).hasStatusOk();
    }

    @Test
    void healthIsUpAndCoversTheStoreAndTheBrokerForAnAdmin() {
        assertThat(http.get().with(TestTokens.admin()).uri("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.components.mongo.status").isEqualTo("UP");
        assertThat(http.get().with(TestTokens.admin()).uri("/actuator/health")).bodyJson()
                .extractingPath("$.components.binders.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void anonymousCallersLearnOnlyWhetherTheServiceIsUp() {
        assertThat(http.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("UP");
        assertThat(http.get().uri("/actuator/health")).bodyJson().doesNotHavePath("$.components");
        assertThat(http.get().with(TestTokens.unit("南宁市中医医院党委")).uri("/actuator/health")).bodyJson()
                .doesNotHavePath("$.components");
    }

    private MvcTestResult submit(String unit, String json, String idempotencyKey) {
        var request = http.post().uri("/api/reports").with(TestTokens.unit(unit))
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private static String id(MvcTestResult result) {
        String body = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        return body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String publishedEvent(UUID eventId, String articleId, String at) {
        return """
                {"eventId":"%s","when":"%s","articleId":"%s","version":1,"unit":"u","channel":"c",
                 "title":"t","body":"b","tags":[],"moderator":"m","publishedAt":"%s"}""".formatted(eventId, at, articleId, at);
    }

    private static String rejectedEvent(UUID eventId, String articleId, String at) {
        return """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"u","reason":"含有网页导航","moderator":"m"}"""
                .formatted(eventId, at, articleId);
    }

    private static String report(String title) {
        return """
                {"channel":"党建动态","title":"%s","body":"医院党委组织党员开展主题党日活动。",
                 "originalPublishedAt":"2023-06-30","tags":["党建"]}""".formatted(title);
    }
}
