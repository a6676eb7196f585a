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

/**
 * A unit corrects (更正) a report already published: the correction is a new revision that goes through review
 * again with the unit's note, while the published article stays until the correction is signed off.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ReportCorrectionTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final String UNIT = "南宁市中医医院党委";
    static final RequestPostProcessor NANNING = TestTokens.unit(UNIT);

    @Autowired
    MockMvcTester http;

    @Test
    void aPublishedReportTakesACorrectionThatIsAnnouncedWithTheUnitsNote() {
        String id = published("活动日期有误的报道");

        MvcTestResult corrected = correct(id, "更正：活动日期应为6月30日", "活动日期已更正的报道", NANNING, null);

        assertThat(corrected).hasStatus(202).bodyJson().extractingPath("$.revision").isEqualTo(2);
        assertThat(view(id)).contains("\"status\":\"SUBMITTED\"", "\"revision\":2", "活动日期已更正的报道",
                "\"correction\":\"更正：活动日期应为6月30日\"");
        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-submitted",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("活动日期已更正的报道")), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> id.equals(r.key()) && r.value().contains("活动日期已更正的报道")).extracting(ConsumerRecord::value)
                .singleElement().satisfies(v -> assertThat(v).contains("\"revision\":2", "\"correction\":\"更正：活动日期应为6月30日\""));
    }

    @Test
    void theCorrectionSignedOffMakesTheReportPublishedAgainWithNoCorrectionPending() {
        String id = published("待更正");
        correct(id, "更正：人名", "已更正", NANNING, null);

        publishedEvent(id, 2, "2026-11-21T03:00:00Z");

        awaitView(id, "\"status\":\"PUBLISHED\"");
        assertThat(view(id)).contains("\"revision\":2", "已更正", "\"correction\":null");
    }

    @Test
    void aRefusedCorrectionLeavesThePublishedReportWithTheReasonToRead() {
        String id = published("原稿");
        correct(id, "更正：标题", "改稿", NANNING, null);

        kafka.publish("article-rejected", id, """
                {"eventId":"%s","when":"2026-11-21T04:00:00Z","articleId":"%s","unit":"%s","reason":"更正内容与原稿不符",
                 "moderator":"wang.fang","reasonCode":"OTHER","correction":true}""".formatted(UUID.randomUUID(), id, UNIT), Map.of());

        awaitView(id, "更正内容与原稿不符");
        assertThat(view(id)).contains("\"status\":\"PUBLISHED\"", "\"correction\":null");
    }

    @Test
    void onlyAPublishedReportCanBeCorrected() {
        String id = submitted("尚在审核");

        assertThat(correct(id, "更正：抢先", "抢先更正", NANNING, null)).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(view(id)).contains("\"revision\":1", "尚在审核");
    }

    @Test
    void aRetriedCorrectionIsAnsweredAsBeforeAndMakesNoThirdRevision() {
        String id = published("重试更正");
        String key = UUID.randomUUID().toString();

        assertThat(correct(id, "更正：地点", "地点已更正", NANNING, key)).hasStatus(202).hasHeader("Idempotent-Replayed", "false");
        assertThat(correct(id, "更正：地点", "地点已更正", NANNING, key)).hasStatus(202).hasHeader("Idempotent-Replayed", "true")
                .bodyJson().extractingPath("$.revision").isEqualTo(2);
        assertThat(view(id)).contains("\"revision\":2");
    }

    @Test
    void onlyTheReportsOwnUnitMayCorrectItAndOnlyWithANoteAndAValidReport() {
        String id = published("他人的报道");

        assertThat(correct(id, "更正：冒名", "冒名更正", TestTokens.unit("朝阳区卫生健康委"), null)).hasStatus(404);
        assertThat(correct(id, "更正：代改", "审核员代改", TestTokens.moderator("wang.fang"), null)).hasStatus(403);
        assertThat(http.post().uri("/api/reports/{id}/corrections", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\" \",\"report\":" + report("无说明") + "}").exchange()).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
        assertThat(http.post().uri("/api/reports/{id}/corrections", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"更正：缺稿\"}").exchange()).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("report");
        assertThat(view(id)).contains("\"status\":\"PUBLISHED\"", "\"revision\":1");
    }

    private String published(String title) {
        String id = submitted(title);
        publishedEvent(id, 1, "2026-11-20T03:00:00Z");
        awaitView(id, "\"status\":\"PUBLISHED\"");
        return id;
    }

    private void publishedEvent(String id, int version, String at) {
        kafka.publish("article-published", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","version":%d,"unit":"%s","channel":"党建动态",
                 "title":"标题","body":"正文","moderator":"wang.fang","publishedAt":"%s"}"""
                .formatted(UUID.randomUUID(), at, id, version, UNIT, at), Map.of());
    }

    private String submitted(String title) {
        MvcTestResult result = http.post().uri("/api/reports").with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content(report(title)).exchange();
        assertThat(result).hasStatus(202);
        return body(result).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private MvcTestResult correct(String id, String note, String title, RequestPostProcessor caller, String key) {
        var request = http.post().uri("/api/reports/{id}/corrections", id).with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"" + note + "\",\"report\":" + report(title) + "}");
        return (key == null ? request : request.header("Idempotency-Key", key)).exchange();
    }

    private void awaitView(String id, String fragment) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(view(id)).contains(fragment));
    }

    private String view(String id) {
        return body(http.get().with(NANNING).uri("/api/reports/{id}", id).exchange());
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String report(String title) {
        return """
                {"channel":"党建动态","title":"%s","body":"医院党委组织党员开展主题党日活动。","tags":["党建"]}""".formatted(title);
    }
}
