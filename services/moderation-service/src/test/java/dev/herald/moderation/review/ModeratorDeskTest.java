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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a moderator does at the desk: claim, edit, decide, send back, and read what happened. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ModeratorDeskTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final RequestPostProcessor WANG = TestTokens.moderator("wang.fang");
    static final RequestPostProcessor LI = TestTokens.moderator("li.na");

    @Autowired
    MockMvcTester http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    QueueDepthMeter queueDepth;

    @Test
    void aClaimedReviewShowsItsHolderAndOnlyTheHolderDecides() {
        String id = submitted("某医院党委", "认领的报道", "医院党委组织党员开展主题党日活动。");

        assertThat(post(WANG, id, "claim", null)).hasStatusOk().bodyJson().extractingPath("$.claim.moderator").isEqualTo("wang.fang");
        assertThat(post(LI, id, "claim", null)).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("wang.fang");
        assertThat(post(LI, id, "approve", "{}")).hasStatus(409);
        assertThat(queueBody("status=PENDING&size=100")).contains("\"moderator\":\"wang.fang\"");

        assertThat(http.delete().uri("/api/reviews/{id}/claim", id).with(LI)).hasStatus(409);
        assertThat(http.delete().uri("/api/reviews/{id}/claim", id).with(WANG)).hasStatusOk()
                .bodyJson().extractingPath("$.claim").isNull();
        assertThat(post(LI, id, "approve", "{}")).hasStatusOk().bodyJson().extractingPath("$.moderator").isEqualTo("li.na");
        assertThat(http.post().uri("/api/reviews/{id}/claim", id).with(TestTokens.admin())).hasStatus(403);
    }

    @Test
    void theQueuesFiltersAndOrderAreOneIndexSoAListingNeverReadsEveryReviewOfAStatus() {
        List<org.springframework.data.mongodb.core.index.IndexInfo> indexes = mongo.indexOps("reviews").getIndexInfo();

        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields())
                .extracting(org.springframework.data.mongodb.core.index.IndexField::getKey)
                .containsExactly("status", "article.unit", "article.channel", "revisedAt"));
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields())
                .extracting(org.springframework.data.mongodb.core.index.IndexField::getKey)
                .containsExactly("status", "screening.score", "revisedAt"));
    }

    @Test
    void anApprovalWithEditsPublishesTheEditedVersionAndAcceptsTheCleanedBodyInOneCall() {
        String body = "社区卫生服务中心组织家庭医生走进老旧小区开展上门随访,为行动不便的老人测量血压。\\n"
                + "扫一扫在手机打开当前页\\n上一篇:关于开展健康讲座的通知\\n下一篇:中心召开党员大会";
        String id = submitted("某社区卫生服务中心", "家庭医生上门随访", body);
        assertThat(detail(id)).contains("\"cleanedBody\":\"社区卫生服务中心组织家庭医生");

        assertThat(post(WANG, id, "approve", "{\"edits\":{\"useCleanedBody\":true,\"body\":\"另一正文\"}}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("edits.useCleanedBody");
        assertThat(post(WANG, id, "approve", "{\"edits\":{\"title\":\"\"}}")).hasStatus(400);
        assertThat(post(WANG, id, "approve", """
                {"note":"删去页面导航","edits":{"title":"家庭医生上门随访暖人心","useCleanedBody":true}}""")).hasStatusOk();

        ConsumerRecord<String, String> published = awaitRecord("article-published", id);
        assertThat(published.value()).contains("家庭医生上门随访暖人心", "为行动不便的老人测量血压").doesNotContain("扫一扫", "上一篇");
        assertThat(detail(id)).contains("\"action\":\"edited\"", "title, body (cleaned)", "\"published\":{");
    }

    @Test
    void sectionTitlesArePublishedWithTheArticleExceptThoseAnEditTookOut() {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"朝阳区卫生健康委","channel":"党建动态","title":"朝阳区抗疫群像",
                 "body":"朝阳区各单位积极行动。\\n垂杨柳医院\\n医院党员冲锋在前。\\n小红门社区\\n社区党员入户排查。",
                 "sections":["垂杨柳医院","小红门社区"]}""".formatted(UUID.randomUUID(), java.time.Instant.now(), id), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).hasStatusOk());
        assertThat(detail(id)).contains("\"sections\":[\"垂杨柳医院\",\"小红门社区\"]");

        assertThat(post(WANG, id, "approve", """
                {"edits":{"body":"朝阳区各单位积极行动。\\n垂杨柳医院\\n医院党员冲锋在前。"}}""")).hasStatusOk();

        assertThat(awaitRecord("article-published", id).value()).contains("\"sections\":[\"垂杨柳医院\"]");
    }

    @Test
    void cleanedBodyCannotBeAcceptedWhenScreeningOfferedNone() {
        String id = submitted("某医院党委", "没有页面杂质", "医院党委召开理论学习中心组学习会,传达学习有关会议精神。");

        assertThat(post(WANG, id, "approve", "{\"edits\":{\"useCleanedBody\":true}}")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().contains("no cleaned body");
    }

    @Test
    void aRejectionCarriesItsReasonCodeToTheUnit() {
        String id = submitted("某医院党委", "与本单位无关的转载", "转载的外地新闻。");

        assertThat(post(WANG, id, "reject", "{\"reasonCode\":\"MAYBE\",\"reason\":\"不相关\"}")).hasStatus(400);
        assertThat(post(WANG, id, "reject", "{\"reasonCode\":\"OFF_TOPIC\",\"reason\":\"与本单位工作无关\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.reasonCode").isEqualTo("OFF_TOPIC");

        assertThat(awaitRecord("article-rejected", id).value()).contains("\"reasonCode\":\"OFF_TOPIC\"", "与本单位工作无关");
    }

    @Test
    void changesRequestedSendTheReportBackAndItsRevisionReentersTheSameReview() {
        String id = submitted("某医院党委", "需要修改的报道", "医院开展义诊活动。扫一扫分享到微信");

        assertThat(post(WANG, id, "request-changes", "{\"message\":\" \"}")).hasStatus(400);
        assertThat(post(WANG, id, "request-changes", "{\"message\":\"请删去分享提示并补充义诊时间\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("CHANGES_REQUESTED");
        assertThat(awaitRecord("article-changes-requested", id).value())
                .contains("\"revision\":1", "请删去分享提示并补充义诊时间", "\"unit\":\"某医院党委\"");
        assertThat(post(LI, id, "approve", "{}")).hasStatus(409);

        publishRevision(id, "需要修改的报道", "11月20日上午,医院在门诊广场开展义诊活动。", 2, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(detail(id)).contains("\"revision\":2"));

        String detail = detail(id);
        assertThat(detail).contains("\"status\":\"PENDING\"", "11月20日上午", "\"history\":[{\"revision\":1",
                "\"changesRequested\":\"请删去分享提示并补充义诊时间\"");
        assertThat(actions(detail)).containsExactly("submitted", "changes-requested", "resubmitted");
        assertThat(post(LI, id, "approve", "{}")).hasStatusOk();
    }

    @Test
    void aRevisionNobodyAskedForChangesNothing() {
        String id = submitted("某医院党委", "不请自来的修订", "原文。");

        consumed(() -> publishRevision(id, "不请自来的修订", "未经要求的修订正文。", 2, UUID.randomUUID()));

        assertThat(detail(id)).contains("\"revision\":1", "原文。").doesNotContain("未经要求的修订正文");
        assertThat(actions(detail(id))).containsExactly("submitted");
    }

    @Test
    void aRevisionDeliveredTwiceUnderDifferentEventIdsEntersOnce() {
        String id = submitted("某医院党委", "重复的修订", "原文。");
        post(WANG, id, "request-changes", "{\"message\":\"请补充\"}");
        consumed(() -> publishRevision(id, "重复的修订", "补充后的正文。", 2, UUID.randomUUID()));

        consumed(() -> publishRevision(id, "重复的修订", "补充后的正文。", 2, UUID.randomUUID()));

        assertThat(actions(detail(id))).containsExactly("submitted", "changes-requested", "resubmitted");
    }

    /** Runs the publication and waits until moderation has consumed one more submission event. */
    private void consumed(Runnable publication) {
        var processed = meters.counter("herald.events.consumed", "consumer", "moderation.article-submitted", "outcome", "processed");
        double before = processed.count();
        publication.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.count() >= before + 1);
    }

    @Test
    void aPublishedArticleCanBeRetractedOnceAndReadersAreToldThroughItsEvent() {
        String id = submitted("某医院党委", "将被撤回的报道", "医院召开党员大会。");
        assertThat(post(WANG, id, "retract", "{\"reason\":\"尚未发布\"}")).hasStatus(409);
        post(WANG, id, "approve", "{}");

        assertThat(post(WANG, id, "retract", "{\"reason\":\" \"}")).hasStatus(400);
        assertThat(post(WANG, id, "retract", "{\"reason\":\"活动日期有误\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("RETRACTED");
        assertThat(post(LI, id, "retract", "{\"reason\":\"再撤一次\"}")).hasStatus(409);

        assertThat(awaitRecord("article-retracted", id).value()).contains("\"version\":1", "活动日期有误", "\"moderator\":\"wang.fang\"");
        assertThat(actions(detail(id))).containsExactly("submitted", "approved", "retracted");
    }

    @Test
    void theQueueFiltersByChannelAndUnitAndSortsByRiskOrAge() {
        String unit = "筛选测试单位-" + UUID.randomUUID();
        String calm = submitted(unit, "平常的报道", "学校组织教师开展师德师风专题学习。");
        String risky = submitted(unit, "可疑的报道", "澳门葡京上线百家乐,加微信 casino888 立即注册。");
        String other = submittedIn(unit, "通知公告", "另一栏目的报道", "关于开展健康讲座的通知。");

        String byAge = queueBody("unit=" + unit + "&size=100");
        assertThat(ids(byAge)).containsExactly(calm, risky, other);
        assertThat(ids(queueBody("unit=" + unit + "&sort=RISK&size=100")).get(0)).isEqualTo(risky);
        assertThat(ids(queueBody("unit=" + unit + "&channel=通知公告"))).containsExactly(other);
        assertThat(queueBody("unit=" + unit + "&channel=通知公告")).contains("\"total\":1");
        assertThat(http.get().with(WANG).uri("/api/reviews?sort=LOUDEST")).hasStatus(400);
        assertThat(http.get().with(WANG).uri("/api/reviews?unit=")).hasStatus(400);
    }

    @Test
    void queueDepthIsMeteredByVerdict() {
        String unit = "计量单位-" + UUID.randomUUID();
        submitted(unit, "澳门葡京娱乐", "澳门葡京上线百家乐,注册送彩金,加微信 casino888 立即注册。百 家 乐!");

        queueDepth.count();

        double gauge = meters.get("herald.moderation.queue").tag("verdict", "LIKELY_SPAM").gauge().value();
        assertThat(gauge).isGreaterThanOrEqualTo(1).isEqualTo((double) total(queueBody("verdict=LIKELY_SPAM&size=1")));
    }

    private String submitted(String unit, String title, String body) {
        return submittedIn(unit, "党建动态", title, body);
    }

    private String submittedIn(String unit, String channel, String title, String body) {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"%s","channel":"%s","title":"%s","body":"%s"}"""
                .formatted(UUID.randomUUID(), java.time.Instant.now(), id, unit, channel, title, body), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).hasStatusOk());
        return id;
    }

    private void publishRevision(String id, String title, String body, int revision, UUID eventId) {
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"某医院党委","channel":"党建动态","title":"%s",
                 "body":"%s","revision":%d}""".formatted(eventId, java.time.Instant.now(), id, title, body, revision), Map.of());
    }

    private MvcTestResult post(RequestPostProcessor who, String id, String action, String json) {
        var request = http.post().uri("/api/reviews/{id}/" + action, id).with(who);
        return (json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json)).exchange();
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String id) {
        return kafka.awaitRecords(topic, seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
    }

    private String detail(String id) {
        return body(http.get().with(WANG).uri("/api/reviews/{id}", id).exchange());
    }

    private String queueBody(String query) {
        return body(http.get().with(WANG).uri("/api/reviews?" + query).exchange());
    }

    private static List<String> ids(String queue) {
        return Pattern.compile("\"id\":\"([^\"]+)\"").matcher(queue).results().map(m -> m.group(1)).toList();
    }

    private static List<String> actions(String detail) {
        return Pattern.compile("\"action\":\"([^\"]+)\"").matcher(detail).results().map(m -> m.group(1)).toList();
    }

    private static long total(String queue) {
        return Long.parseLong(queue.replaceAll(".*\"total\":(\\d+).*", "$1"));
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
