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

/** A report a moderator sends back comes back as a new revision of the same report, not as a new one. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ReportRevisionTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final String UNIT = "南宁市中医医院党委";
    static final RequestPostProcessor NANNING = TestTokens.unit(UNIT);

    @Autowired
    MockMvcTester http;

    @Test
    void aReportSentBackForChangesTakesARevisionThatIsAnnouncedAsTheSameArticle() {
        String id = submitted("首次提交");
        changesRequested(id, 1, "请删去文末的网站导航");
        awaitStatus(id, "CHANGES_REQUESTED");
        assertThat(view(id)).contains("请删去文末的网站导航");

        MvcTestResult revised = revise(id, report("修改后的标题"), NANNING, null);

        assertThat(revised).hasStatus(202).bodyJson().extractingPath("$.revision").isEqualTo(2);
        assertThat(view(id)).contains("\"status\":\"SUBMITTED\"", "\"revision\":2", "修改后的标题")
                .doesNotContain("请删去文末的网站导航");
        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-submitted",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("修改后的标题")), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> id.equals(r.key())).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"revision\":1", "首次提交"))
                .anySatisfy(v -> assertThat(v).contains("\"revision\":2", "修改后的标题"));
    }

    @Test
    void aRevisionIsOnlyTakenWhenChangesWereRequested() {
        String id = submitted("尚在审核");

        assertThat(revise(id, report("抢先修改"), NANNING, null)).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(view(id)).contains("\"revision\":1", "尚在审核");
    }

    @Test
    void aRetriedRevisionIsAnsweredAsBeforeAndMakesNoThirdRevision() {
        String id = submitted("待修改");
        changesRequested(id, 1, "补充活动时间");
        awaitStatus(id, "CHANGES_REQUESTED");
        String key = UUID.randomUUID().toString();

        assertThat(revise(id, report("已补充时间"), NANNING, key)).hasStatus(202).hasHeader("Idempotent-Replayed", "false");
        assertThat(revise(id, report("已补充时间"), NANNING, key)).hasStatus(202).hasHeader("Idempotent-Replayed", "true")
                .bodyJson().extractingPath("$.revision").isEqualTo(2);
        assertThat(view(id)).contains("\"revision\":2");
    }

    @Test
    void aLateRequestForChangesToAnOlderRevisionDoesNotReopenTheNewerOne() {
        String id = submitted("旧版本");
        changesRequested(id, 1, "第一次意见");
        awaitStatus(id, "CHANGES_REQUESTED");
        revise(id, report("新版本"), NANNING, null);

        changesRequested(id, 1, "迟到的第一次意见");
        String marker = submitted("标记");
        changesRequested(marker, 1, "标记意见");
        awaitStatus(marker, "CHANGES_REQUESTED");

        assertThat(view(id)).contains("\"status\":\"SUBMITTED\"", "\"revision\":2").doesNotContain("迟到的第一次意见");
    }

    @Test
    void onlyTheReportsOwnUnitMayReviseItAndOnlyWithAValidReport() {
        String id = submitted("他人的报道");
        changesRequested(id, 1, "请修改");
        awaitStatus(id, "CHANGES_REQUESTED");

        assertThat(revise(id, report("冒名修改"), TestTokens.unit("朝阳区卫生健康委"), null)).hasStatus(404);
        assertThat(revise(id, report("审核员代改"), TestTokens.moderator("wang.fang"), null)).hasStatus(403);
        assertThat(revise(id, "{\"channel\":\"党建动态\",\"title\":\"\",\"body\":\"正文\"}", NANNING, null)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("title");
        assertThat(revise("rpt-unknown", report("不存在"), NANNING, null)).hasStatus(404);
        assertThat(view(id)).contains("\"status\":\"CHANGES_REQUESTED\"", "\"revision\":1");
    }

    private String submitted(String title) {
        MvcTestResult result = http.post().uri("/api/reports").with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content(report(title)).exchange();
        assertThat(result).hasStatus(202);
        return body(result).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private void changesRequested(String id, int revision, String message) {
        kafka.publish("article-changes-requested", id, """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","unit":"%s","revision":%d,
                 "message":"%s","moderator":"wang.fang"}""".formatted(UUID.randomUUID(), id, UNIT, revision, message), Map.of());
    }

    private MvcTestResult revise(String id, String json, RequestPostProcessor caller, String key) {
        var request = http.post().uri("/api/reports/{id}/revisions", id).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        return (key == null ? request : request.header("Idempotency-Key", key)).exchange();
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(view(id)).contains("\"status\":\"" + status + "\""));
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
