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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ModerationWorkflowTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final org.springframework.test.web.servlet.request.RequestPostProcessor MODERATOR = TestTokens.moderator("wang.fang");

    @Autowired
    MockMvcTester http;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;



    @Test
    void submittedArticlesWaitInTheQueueOldestFirst() {
        String older = submit("2026-11-20T01:00:00Z", "较早的报道");
        String newer = submit("2026-11-20T02:00:00Z", "较新的报道");
        awaitReview(older);
        awaitReview(newer);

        List<String> ids = idsInQueue();

        assertThat(ids).containsSubsequence(older, newer);
    }

    @Test
    void approvalPublishesTheFullArticleKeyedByItsId() {
        String id = submit("2026-11-20T01:00:00Z", "南宁市中医医院开展主题党日活动");
        awaitReview(id);

        assertThat(decide(id, "approve", """
                {"moderator":"wang.fang","note":"内容属实"}""")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("APPROVED");

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-published",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, String> published = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(published.value()).contains("\"version\":1", "南宁市中医医院开展主题党日活动", "\"moderator\":\"wang.fang\"",
                "医院党委组织党员");
        assertThat(KafkaTestClient.header(published, "ce_type")).contains("herald.article.published.v1");
    }

    @Test
    void rejectionNeedsAReasonAndIsAnnounced() {
        String id = submit("2026-11-20T01:00:00Z", "待退回的报道");
        awaitReview(id);

        assertThat(decide(id, "reject", """
                {"moderator":"wang.fang"}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        assertThat(decide(id, "reject", """
                {"moderator":"wang.fang","reason":"正文含有网页导航"}""")).hasStatusOk();

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("article-rejected",
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> id.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("正文含有网页导航"));
    }

    @Test
    void aSecondDecisionIsAConflict() {
        String id = submit("2026-11-20T01:00:00Z", "已决定的报道");
        awaitReview(id);
        decide(id, "approve", "{\"moderator\":\"a\"}");

        assertThat(decide(id, "reject", "{\"moderator\":\"b\",\"reason\":\"迟到的退回\"}")).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", id)).bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
    }

    @Test
    void twoDecisionsAtOnceLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = submit("2026-11-20T01:00:00Z", "并发决定 " + round);
            awaitReview(id);
            CountDownLatch start = new CountDownLatch(1);
            var approve = CompletableFuture.supplyAsync(() -> race(start, id, "approve", "{\"moderator\":\"a\"}"));
            var reject = CompletableFuture.supplyAsync(() -> race(start, id, "reject", "{\"moderator\":\"b\",\"reason\":\"r\"}"));
            start.countDown();

            assertThat(List.of(approve.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
        }
    }

    @Test
    void aRedeliveredSubmissionDoesNotReopenADecidedReview() {
        String eventId = UUID.randomUUID().toString();
        String id = "rpt-" + UUID.randomUUID();
        String event = submittedEvent(eventId, id, "2026-11-20T01:00:00Z", "重复投递");
        kafka.publish("article-submitted", id, event, Map.of());
        awaitReview(id);
        decide(id, "approve", "{\"moderator\":\"a\"}");

        kafka.publish("article-submitted", id, event, Map.of());
        kafka.publish("article-submitted", id, submittedEvent(UUID.randomUUID().toString(), id, "2026-11-20T01:00:00Z", "重复投递"), Map.of());
        String marker = submit("2026-11-20T03:00:00Z", "标记");
        awaitReview(marker);

        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", id)).bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheQueueMovesOn() {
        String bad = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", bad, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + bad + "\"}", Map.of());
        String good = submit("2026-11-20T04:00:00Z", "坏消息之后的好报道");

        awaitReview(good);
        List<ConsumerRecord<String, String>> dead = kafka.awaitRecords("article-submitted.moderation-service.dlq",
                seen -> seen.stream().anyMatch(r -> bad.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> deadLetter = dead.stream().filter(r -> bad.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(deadLetter, "x-original-topic")).isEqualTo("article-submitted");
        assertThat(KafkaTestClient.header(deadLetter, "x-exception-stacktrace"))
                .contains("InvalidEventException", "when is missing");
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", bad)).hasStatus(404);
        // a broken event is refused once and dead-lettered, not retried through the back-off
        assertThat(meters.counter("herald.events.rejected", "consumer", "moderation.article-submitted").count()).isEqualTo(1);
    }

    @Test
    void onlyModeratorsDecideAndTheDeciderIsTheTokensAccountNotTheBodys() {
        String id = submit("2026-11-20T01:00:00Z", "谁来决定");
        awaitReview(id);

        assertThat(http.get().uri("/api/reviews")).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().with(TestTokens.unit("南宁市中医医院党委")).uri("/api/reviews")).hasStatus(403)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().with(TestTokens.admin()).uri("/api/reviews/{id}", id)).hasStatusOk();
        assertThat(http.post().uri("/api/reviews/{id}/approve", id).with(TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);
        assertThat(http.post().uri("/api/reviews/{id}/approve", id).with(TestTokens.unit("南宁市中医医院党委"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);

        assertThat(decide(id, "approve", "{\"moderator\":\"someone.else\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.moderator").isEqualTo("wang.fang");
    }

    @Test
    void everySubmissionIsScreenedOnArrivalAndTheQueueCanBeFilteredByVerdict() {
        String clean = "rpt-" + UUID.randomUUID();
        // a body of its own: the other tests' identical bodies would rightly make it a near-duplicate
        kafka.publish("article-submitted", clean, event(clean, "2026-11-20T05:00:00Z",
                "社区卫生服务中心组织医护人员走进老旧小区开展义诊,为居民测量血压血糖,讲解慢病防治知识。"), Map.of());
        String spam = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", spam, """
                {"eventId":"%s","when":"2026-11-20T05:01:00Z","articleId":"%s","unit":"某单位","channel":"党建动态",
                 "title":"澳门葡京娱乐","body":"澳门葡京上线百家乐,注册送彩金,加微信 casino888 立即注册。百 家 乐!"}"""
                .formatted(UUID.randomUUID(), spam), Map.of());
        awaitReview(clean);
        awaitReview(spam);

        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", clean)).bodyJson()
                .extractingPath("$.screening.verdict").isEqualTo("CLEAN");
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", spam)).bodyJson()
                .extractingPath("$.screening.verdict").isEqualTo("LIKELY_SPAM");
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", spam)).bodyJson()
                .extractingPath("$.screening.findings[0].kind").isEqualTo("PROMOTION");
        String spamQueue = new String(http.get().with(MODERATOR).uri("/api/reviews?status=PENDING&verdict=LIKELY_SPAM&size=100")
                .exchange().getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(spamQueue).contains(spam).doesNotContain(clean);
    }

    @Test
    void aLightlyEditedRepublicationIsLinkedToItsOriginal() {
        String body = ("为深入学习贯彻党的二十大精神,医院党委组织党员赴革命纪念馆开展主题党日活动,重温入党誓词,"
                + "缅怀革命先烈,接受红色教育。党员们纷纷表示,要把学习成果转化为推动医院高质量发展的实际行动。").repeat(4);
        String original = "rpt-" + UUID.randomUUID();
        String copy = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", original, event(original, "2026-11-20T06:00:00Z", body), Map.of());
        awaitReview(original);
        kafka.publish("article-submitted", copy, event(copy, "2026-11-20T06:05:00Z",
                body.replaceFirst("二十大", "第二十次代表大会").replace(",", "，")), Map.of());
        awaitReview(copy);

        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", copy)).bodyJson()
                .extractingPath("$.screening.duplicateOf").isEqualTo(original);
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", original)).bodyJson()
                .extractingPath("$.screening.duplicateOf").isNull();
    }

    private static String event(String articleId, String when, String body) {
        return """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"某医院党委","channel":"党建动态",
                 "title":"主题党日活动","body":"%s"}""".formatted(UUID.randomUUID(), when, articleId, body);
    }

    @Test
    void administratorsChangeTheLexiconAndTheNextScreeningUsesItAtOnce() {
        var admin = TestTokens.admin();
        String before = lexiconVersion();

        assertThat(http.post().uri("/api/screening/lexicon/terms").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"term\":\"幸运飞艇\"}")).hasStatusOk().bodyJson().extractingPath("$.terms").asArray().contains("幸运飞艇");
        String after = lexiconVersion();
        assertThat(after).isNotEqualTo(before);

        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, event(id, "2026-11-20T07:00:00Z", "欢迎体验幸 运 飞 艇,天天开奖。"), Map.of());
        awaitReview(id);
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", id)).bodyJson()
                .extractingPath("$.screening.lexiconVersion").isEqualTo(after);
        assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", id)).bodyJson()
                .extractingPath("$.screening.findings[0].message").asString().contains("幸运飞艇");

        assertThat(http.delete().uri("/api/screening/lexicon/terms/{term}", "幸运飞艇").with(admin)).hasStatus(204);
        assertThat(http.delete().uri("/api/screening/lexicon/terms/{term}", "幸运飞艇").with(admin)).hasStatus(404);
        assertThat(lexiconVersion()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsChangeTheLexiconAndOnlyWithSensibleTerms() {
        assertThat(http.get().with(MODERATOR).uri("/api/screening/lexicon")).hasStatusOk();
        assertThat(http.post().uri("/api/screening/lexicon/terms").with(MODERATOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"term\":\"某词\"}")).hasStatus(403);
        for (String bad : new String[]{"{\"term\":\" \"}", "{\"term\":\"!!!\"}", "{\"term\":\"%s\"}".formatted("长".repeat(30)), "{}"}) {
            assertThat(http.post().uri("/api/screening/lexicon/allowed").with(TestTokens.admin())
                    .contentType(MediaType.APPLICATION_JSON).content(bad)).hasStatus(400);
        }
    }

    private String lexiconVersion() {
        String body = new String(http.get().with(MODERATOR).uri("/api/screening/lexicon").exchange().getResponse()
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        return body.replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void badQueueParametersAreProblemsNotErrors() {
        assertThat(http.get().with(MODERATOR).uri("/api/reviews?status=MAYBE")).hasStatus(400);
        assertThat(http.get().with(MODERATOR).uri("/api/reviews?size=100000")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(http.get().with(MODERATOR).uri("/api/reviews?page=-1")).hasStatus(400);
        assertThat(decide("rpt-unknown", "approve", "{\"moderator\":\"a\"}")).hasStatus(404);
        assertThat(decide("rpt-unknown", "approve", "{\"moderator\":")).hasStatus(400);
    }

    private int race(CountDownLatch start, String id, String decision, String body) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return decide(id, decision, body).getResponse().getStatus();
    }

    private List<String> idsInQueue() {
        String body = new String(http.get().with(MODERATOR).uri("/api/reviews?status=PENDING&size=100").exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        return java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body).results().map(m -> m.group(1)).toList();
    }

    private MvcTestResult decide(String id, String decision, String body) {
        return http.post().uri("/api/reviews/{id}/" + decision, id).with(MODERATOR)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private void awaitReview(String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get().with(MODERATOR).uri("/api/reviews/{id}", id)).hasStatusOk());
    }

    private String submit(String when, String title) {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, submittedEvent(UUID.randomUUID().toString(), id, when, title), Map.of());
        return id;
    }

    private static String submittedEvent(String eventId, String articleId, String when, String title) {
        return """
                {"eventId":"%s","when":"%s","articleId":"%s","unit":"南宁市中医医院党委","channel":"党建动态",
                 "title":"%s","body":"为深入学习贯彻党的二十大精神，医院党委组织党员开展主题党日活动。","tags":["党建"]}"""
                .formatted(eventId, when, articleId, title);
    }
}
