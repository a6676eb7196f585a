package dev.herald.moderation.review;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A correction (更正) of a published article goes through the channel's workflow again, while the published
 * article stays as it was; its sign-off publishes the next version with the correction history, and a refusal
 * leaves the article published as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class CorrectionReviewTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final RequestPostProcessor WANG = TestTokens.moderator("wang.fang");
    static final RequestPostProcessor ZHAO = StagedWorkflowTest.leader("zhao.lei");

    @Autowired
    MockMvcTester http;

    @Test
    void aCorrectionGoesThroughEveryStageAgainAndItsSignOffPublishesTheNextVersionWithItsHistory() {
        String channel = twoStageChannel();
        String id = published(channel, "六月二十九日开展主题党日活动");

        corrected(id, channel, "六月三十日开展主题党日活动", "更正：活动日期应为6月30日");

        assertThat(detail(id)).contains("\"status\":\"PENDING\"", "\"revision\":2", "\"correction\":\"更正：活动日期应为6月30日\"",
                "\"stage\":{\"name\":\"初审\"");
        assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).as("the published article stays as it was meanwhile")
                .bodyJson().extractingPath("$.published.title").isEqualTo("六月二十九日开展主题党日活动");
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();
        assertThat(post(ZHAO, id, "approve", "{\"note\":\"同意更正\"}")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        ConsumerRecord<String, String> second = publication(id, "六月三十日开展主题党日活动");
        assertThat(second.value()).contains("\"version\":2", "\"corrections\":[{\"version\":2,", "\"note\":\"更正：活动日期应为6月30日\"}]",
                "{\"stage\":\"终审\",\"by\":\"zhao.lei\"");
        assertThat(detail(id)).contains("\"correction\":null", "\"corrections\":[{\"version\":2,");
    }

    @Test
    void aRefusedCorrectionLeavesTheArticlePublishedAsItWasAndTellsTheUnitItWasACorrection() {
        String channel = twoStageChannel();
        String id = published(channel, "原稿标题");
        corrected(id, channel, "改动过大的更正稿", "更正：标题");

        assertThat(post(WANG, id, "reject", "{\"reason\":\"更正内容与原稿不符\",\"reasonCode\":\"OTHER\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        List<ConsumerRecord<String, String>> rejected = kafka.awaitRecords("article-rejected",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        assertThat(rejected).filteredOn(r -> id.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"reason\":\"更正内容与原稿不符\"", "\"correction\":true"));
        assertThat(detail(id)).contains("\"correction\":null", "\"corrections\":[]");
        assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).bodyJson().extractingPath("$.article.title").isEqualTo("原稿标题");
        assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).as("the refused correction stays in the history")
                .bodyJson().extractingPath("$.history[-1].article.title").isEqualTo("改动过大的更正稿");
    }

    @Test
    void aCorrectionIsPublishedWhenSignedOffAndCannotBeScheduled() {
        String channel = twoStageChannel();
        String id = published(channel, "待更正的报道");
        corrected(id, channel, "已更正的报道", "更正：人名");
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();

        assertThat(post(ZHAO, id, "approve", "{\"publishAt\":\"" + Instant.now().plusSeconds(3600) + "\"}")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().extractingPath("$.errors[0].field").isEqualTo("publishAt");
        assertThat(detail(id)).contains("\"status\":\"PENDING\"", "\"stage\":{\"name\":\"终审\"");
    }

    @Test
    void aCorrectionOfAnArticleNotYetPublishedIsNotTakenForOne() {
        String channel = twoStageChannel();
        String id = submitted(channel, "尚在审核的报道", 1, "");

        submittedEvent(id, channel, "冒充更正", 2, ",\"correction\":\"更正：抢先\"");
        String marker = submitted(channel, "标记", 1, "");

        assertThat(detail(marker)).contains("\"revision\":1");
        assertThat(detail(id)).contains("\"revision\":1", "尚在审核的报道", "\"correction\":null");
    }

    private String published(String channel, String title) {
        String id = submitted(channel, title, 1, "");
        assertThat(post(WANG, id, "approve", "{}")).hasStatusOk();
        assertThat(post(ZHAO, id, "approve", "{}")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
        publication(id, title);
        return id;
    }

    private void corrected(String id, String channel, String title, String note) {
        submittedEvent(id, channel, title, 2, ",\"correction\":\"" + note + "\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(detail(id)).contains("\"revision\":2"));
    }

    private ConsumerRecord<String, String> publication(String id, String title) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecords("article-published",
                all -> all.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains(title)), Duration.ofSeconds(20));
        return seen.stream().filter(r -> id.equals(r.key()) && r.value().contains(title)).findFirst().orElseThrow();
    }

    private String twoStageChannel() {
        String channel = "更正栏目" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.put().uri("/api/workflows/{name}", channel).with(TestTokens.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"%s","stages":[{"name":"初审","role":"MODERATOR"},{"name":"终审","role":"LEADER"}]}"""
                        .formatted(channel))).hasStatus(201);
        return channel;
    }

    private String submitted(String channel, String title, int revision, String moreFields) {
        String id = "rpt-" + UUID.randomUUID();
        submittedEvent(id, channel, title, revision, moreFields);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get().with(WANG).uri("/api/reviews/{id}", id)).hasStatusOk());
        return id;
    }

    private void submittedEvent(String id, String channel, String title, int revision, String moreFields) {
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"某医院党委","channel":"%s","title":"%s",
                 "body":"医院党委组织党员开展主题党日活动，重温入党誓词。%s","revision":%d%s}"""
                .formatted(UUID.randomUUID(), Instant.now(), id, channel, title, title, revision, moreFields), Map.of());
    }

    private MvcTestResult post(RequestPostProcessor who, String id, String action, String json) {
        return http.post().uri("/api/reviews/{id}/" + action, id).with(who).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private String detail(String id) {
        return new String(http.get().with(WANG).uri("/api/reviews/{id}", id).exchange().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }
}
