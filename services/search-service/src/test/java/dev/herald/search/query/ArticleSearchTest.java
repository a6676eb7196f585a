package dev.herald.search.query;

import dev.herald.search.index.ArticleDocuments;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "herald.search.index-path=${java.io.tmpdir}/search-index-test-${random.uuid}")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ArticleSearchTest {

    static final String NANNING_BODY = "自新冠肺炎疫情防控工作开展以来,南宁市中医医院党委深入学习习近平新时代中国特色社会主义思想"
            + "和关于疫情防控系列重要指示批示精神,始终把人民群众生命安全和身体健康放在第一位。"
            + "医院执行了防控物资储备及使用情况实行日报制度,做好防护用品配备、用品消毒、药品物资的储备和调配。";
    static final String GUIZHOU_BODY = "4月21日,在值守省将军山医院一周年之际,我院召开“学党史 悟思想 办实事 开新局”"
            + "值守将军山医院一周年主题活动暨工作座谈会。我院党委副书记武飚主持会议,并宣布部分轮换人员名单。";
    static final String CHAOYANG_BODY = "为坚决打赢疫情防控攻坚战,发挥基层党组织战斗堡垒和党员先锋模范作用,"
            + "区卫生健康系统的基层党组织把党建工作与疫情防控工作相结合,组织开展特色党建活动。";

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MockMvcTester http;

    @Autowired
    MeterRegistry meters;



    @Test
    void publishedArticleIsFoundByAWordOfItsBodyAndByAWordOfItsTitle() {
        String unit = "南宁市中医医院党委";
        String id = publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "如意先锋战疫情 党旗一线红", NANNING_BODY));

        awaitTotal(search("中医", unit), 1);
        MvcTestResult byBody = search("中医", unit).exchange();
        assertThat(byBody).bodyJson().extractingPath("$.hits[0].id").isEqualTo(id);
        assertThat(byBody).bodyJson().extractingPath("$.hits[0].snippet").asString().contains("<em>中医</em>");
        assertThat(byBody).bodyJson().extractingPath("$.hits[0].channel").isEqualTo("党建动态");

        MvcTestResult byTitle = search("党旗", unit).exchange();
        assertThat(byTitle).bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(byTitle).bodyJson().extractingPath("$.hits[0].title").isEqualTo("如意先锋战疫情 <em>党旗</em>一线红");
        // the match is in the title, marked there; the snippet is then the body's opening
        assertThat(byTitle).bodyJson().extractingPath("$.hits[0].snippet").asString().startsWith("自新冠肺炎疫情防控工作开展以来");

        assertThat(http.get().uri("/api/articles/{id}", id)).hasStatusOk().bodyJson()
                .extractingPath("$.subtitle").isEqualTo("——南宁市中医医院党委抗击疫情纪实");
    }

    @Test
    void theArticleApiShowsWhoReviewedAndWhoSignedOffAndNothingForOlderPublications() {
        String signed = publish(event(UUID.randomUUID(), newId(), 1, "贵州省人民医院党委", "工作动态", "三审后发布的报道", GUIZHOU_BODY)
                .replace("\"publishedAt\": \"2026-11-20T03:00:00Z\"", """
                        "publishedAt": "2026-11-20T03:00:00Z",
                        "signOffs": [{"stage": "初审", "by": "chen.jing", "role": "MODERATOR", "at": "2026-11-20T02:10:00Z",
                                      "decision": "APPROVED", "confidentialityReview": false},
                                     {"stage": "签发", "by": "wang.fang", "role": "LEADER", "at": "2026-11-20T03:00:00Z",
                                      "decision": "APPROVED", "confidentialityReview": false}]"""));
        String older = publish(event(UUID.randomUUID(), newId(), 1, "贵州省人民医院党委", "工作动态", "工作流之前的报道", GUIZHOU_BODY));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get().uri("/api/articles/{id}", signed)).hasStatusOk());
        assertThat(http.get().uri("/api/articles/{id}", signed)).bodyJson().extractingPath("$.signOffs[1]")
                .isEqualTo(Map.of("stage", "签发", "by", "wang.fang", "role", "LEADER", "at", "2026-11-20T03:00:00Z",
                        "decision", "APPROVED", "confidentialityReview", false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get().uri("/api/articles/{id}", older)).hasStatusOk());
        assertThat(http.get().uri("/api/articles/{id}", older)).bodyJson().extractingPath("$.signOffs").asArray().isEmpty();
    }

    @Test
    void aCorrectionReplacesTheArticleAndTheArticleApiShowsItsCorrectionHistory() {
        String unit = "贵州省人民医院纪委";
        String id = newId();
        publish(event(UUID.randomUUID(), id, 1, unit, "工作动态", "六月二十九日召开座谈会", GUIZHOU_BODY));
        awaitTotal(search("座谈会", unit), 1);

        publish(event(UUID.randomUUID(), id, 2, unit, "工作动态", "六月三十日召开座谈会", GUIZHOU_BODY)
                .replace("\"publishedAt\": \"2026-11-20T03:00:00Z\"", """
                        "publishedAt": "2026-11-21T03:00:00Z",
                        "corrections": [{"version": 2, "at": "2026-11-21T03:00:00Z", "note": "更正：座谈会日期应为6月30日"}]"""));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get().uri("/api/articles/{id}", id))
                .bodyJson().extractingPath("$.version").isEqualTo(2));
        assertThat(http.get().uri("/api/articles/{id}", id)).bodyJson().extractingPath("$.corrections")
                .isEqualTo(List.of(Map.of("version", 2, "at", "2026-11-21T03:00:00Z", "note", "更正：座谈会日期应为6月30日")));
        // the store answers for the article before the index's next refresh shows the new version
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(search("座谈会", unit)).bodyJson()
                .extractingPath("$.hits[0].title").asString().startsWith("六月三十日"));
        assertThat(search("座谈会", unit)).bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void aPlaceNameIsFoundHoweverTheSegmenterCutsItAndFullWidthQueriesAreFolded() {
        String unit = "贵州省人民医院宣传部";
        String id = publish(event(UUID.randomUUID(), newId(), 1, unit, "工作动态",
                "不忘初心 让抗疫精神在新时代绽放光芒", GUIZHOU_BODY + "全省共救治COVID-19患者121人次。"));

        awaitTotal(search("将军山", unit), 1);
        assertThat(search("将军山", unit)).bodyJson().extractingPath("$.hits[0].snippet").asString()
                .contains("<em>将军山</em>");
        assertThat(search("ＣＯＶＩＤ", unit)).bodyJson().extractingPath("$.hits[0].id").isEqualTo(id);
        assertThat(search("将军山 座谈会", unit)).bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(search("将军山 运动会", unit)).bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void channelFilterIsExactAndAPageBeyondTheEndIsEmptyWithTheRightTotal() {
        String unit = "北京市朝阳区卫生健康委员会";
        String partyNews = publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "党建引领凝心聚力", CHAOYANG_BODY));
        String workNews = publish(event(UUID.randomUUID(), newId(), 1, unit, "工作动态", "同舟共济抗疫情", CHAOYANG_BODY));

        awaitTotal(search("疫情防控", unit), 2);
        MvcTestResult filtered = search("疫情防控", unit).param("channel", "党建动态").exchange();
        assertThat(filtered).bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(filtered).bodyJson().extractingPath("$.hits[0].id").isEqualTo(partyNews);
        assertThat(search("疫情防控", unit).param("channel", "党建")).bodyJson().extractingPath("$.total").isEqualTo(0);

        MvcTestResult secondPage = search("疫情防控", unit).param("size", "1").param("page", "1").exchange();
        assertThat(secondPage).bodyJson().extractingPath("$.hits").asArray().hasSize(1);
        MvcTestResult firstPage = search("疫情防控", unit).param("size", "1").exchange();
        assertThat(List.of(id(firstPage), id(secondPage))).containsExactlyInAnyOrder(partyNews, workNews);

        MvcTestResult beyond = search("疫情防控", unit).param("page", "5").exchange();
        assertThat(beyond).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(beyond).bodyJson().extractingPath("$.hits").asArray().isEmpty();

        assertThat(meters.find("herald.search.requests").tag("outcome", "hits").timer().count()).isPositive();
        assertThat(meters.find("herald.search.requests").tag("outcome", "empty").timer().count()).isPositive();
        assertThat(meters.find("herald.search.index.documents").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNewerVersionReplacesTheArticleAndAnOlderOneArrivingLateChangesNothing() {
        String unit = "贵州省人民医院党委";
        String id = newId();
        publish(event(UUID.randomUUID(), id, 1, unit, "工作动态", "值守将军山医院一周年座谈会", GUIZHOU_BODY));
        awaitTotal(search("座谈会", unit), 1);

        publish(event(UUID.randomUUID(), id, 2, unit, "工作动态", "值守将军山医院一周年主题活动", GUIZHOU_BODY));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get().uri("/api/articles/{id}", id))
                .bodyJson().extractingPath("$.version").isEqualTo(2));

        double stale = count("herald.search.indexed", "outcome", "stale");
        publish(event(UUID.randomUUID(), id, 1, unit, "工作动态", "旧版本标题运动会", GUIZHOU_BODY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("herald.search.indexed", "outcome", "stale") > stale);

        assertThat(http.get().uri("/api/articles/{id}", id)).bodyJson().extractingPath("$.title").isEqualTo("值守将军山医院一周年主题活动");
        assertThat(search("运动会", unit)).bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(search("主题活动", unit)).bodyJson().extractingPath("$.hits[0].title").isEqualTo("值守将军山医院一周年<em>主题活动</em>");
        assertThat(search("将军山", unit)).bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void aRedeliveredOrRepublishedEventDoesNotDuplicateTheHit() {
        String unit = "南宁市中医医院护理部";
        String id = newId();
        String event = event(UUID.randomUUID(), id, 1, unit, "党建动态", "如意先锋战疫情", NANNING_BODY);
        publish(event);
        awaitTotal(search("中医", unit), 1);

        double duplicates = count("herald.events.consumed", "outcome", "duplicate");
        double stale = count("herald.search.indexed", "outcome", "stale");
        publish(event);
        publish(event(UUID.randomUUID(), id, 1, unit, "党建动态", "如意先锋战疫情", NANNING_BODY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("herald.events.consumed", "outcome", "duplicate") > duplicates
                && count("herald.search.indexed", "outcome", "stale") > stale);

        assertThat(search("中医", unit)).bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void markupInAReportIsEscapedInTheSnippet() {
        String unit = "南宁市中医医院办公室";
        publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "医院开展主题党日活动",
                "医院党委组织党员开展主题党日活动<script>alert(\"中医\")</script>,传承红色基因。"));

        awaitTotal(search("中医", unit), 1);
        String snippet = snippet(search("中医", unit).exchange());
        assertThat(snippet).contains("&lt;script&gt;").contains("<em>中医</em>")
                .doesNotContain("<script>").doesNotContain("</script>");
    }

    @Test
    void badParametersAreNamedInA400Problem() {
        assertProblem(http.get().uri("/api/search").exchange(), "q");
        assertProblem(http.get().uri("/api/search").param("q", "   ").exchange(), "q");
        assertProblem(http.get().uri("/api/search").param("q", "党".repeat(500)).exchange(), "q");
        assertProblem(http.get().uri("/api/search").param("q", "党建").param("size", "1000").exchange(), "size");
        assertProblem(http.get().uri("/api/search").param("q", "党建").param("size", "0").exchange(), "size");
        assertProblem(http.get().uri("/api/search").param("q", "党建").param("page", "-1").exchange(), "page");
        assertProblem(http.get().uri("/api/search").param("q", "党建").param("page", "一").exchange(), "page");
        assertProblem(http.get().uri("/api/search").param("q", "党建").param("channel", "党".repeat(300)).exchange(), "channel");
    }

    @Test
    void luceneSyntaxInTheQueryIsJustTextNeverAServerError() {
        assertProblem(http.get().uri("/api/search").param("q", "\"中医").exchange(), "q");
        for (String q : new String[]{"title:(", "*", "?", "中医 AND", "NOT", "[a TO", "\\", "~2", "党建^", "/正则/", "&&||!", "((((",
                "党建引领凝心聚力".repeat(25), "㍿".repeat(200), "\uFDFA".repeat(200)}) {
            MvcTestResult result = http.get().uri("/api/search").param("q", q).exchange();
            assertThat(result).as(q).hasStatusOk().bodyJson().extractingPath("$.query").isEqualTo(q);
        }
    }

    @Test
    void unknownArticleIs404Problem() {
        assertThat(http.get().uri("/api/articles/{id}", "rpt-nope")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MockMvcTester.MockMvcRequestBuilder search(String q, String unit) {
        return http.get().uri("/api/search").param("q", q).param("unit", unit);
    }

    private void awaitTotal(MockMvcTester.MockMvcRequestBuilder request, int total) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(request.exchange()).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(total));
    }

    private void assertProblem(MvcTestResult result, String field) {
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String publish(String event) {
        String id = event.replaceAll("(?s).*\"articleId\": \"([^\"]+)\".*", "$1");
        kafka.publish("article-published", id, event, Map.of());
        return id;
    }

    private static String newId() {
        return "rpt-" + UUID.randomUUID();
    }

    private static String id(MvcTestResult result) {
        return body(result).replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String snippet(MvcTestResult result) {
        return new tools.jackson.databind.json.JsonMapper().readTree(body(result)).at("/hits/0/snippet").asString();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An article-published event in the shape of the contract's example, herald.article.published.v1.json. */
    private static String event(UUID eventId, String articleId, int version, String unit, String channel,
                                String title, String body) {
        return """
                {
                  "eventId": "%s",
                  "when": "2026-11-20T03:00:00Z",
                  "articleId": "%s",
                  "version": %d,
                  "unit": "%s",
                  "channel": "%s",
                  "title": "%s",
                  "subtitle": "——南宁市中医医院党委抗击疫情纪实",
                  "body": "%s",
                  "author": "党委办公室",
                  "contributor": "南宁市中医医院 张贵玲",
                  "sourceUrl": "https://example.org/news/1.html",
                  "originalPublishedAt": "2020-04-02T00:00:00Z",
                  "tags": ["疫情防控", "党建"],
                  "moderator": "wang.fang",
                  "publishedAt": "2026-11-20T03:00:00Z"
                }""".formatted(eventId, articleId, version, json(unit), json(channel), json(title), json(body));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Test
    void aRetractedArticleLeavesTheResultsAndItsLateRepublicationStaysOut() {
        String unit = "撤稿测试单位-" + UUID.randomUUID();
        String id = publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "将被撤下的报道", NANNING_BODY));
        awaitTotal(search("撤下", unit), 1);

        kafka.publish("article-retracted", id, """
                {"eventId":"%s","when":"2026-11-21T03:00:00Z","articleId":"%s","version":1,"unit":"%s",
                 "reason":"活动日期有误","moderator":"wang.fang"}""".formatted(UUID.randomUUID(), id, unit), Map.of());
        awaitTotal(search("撤下", unit), 0);
        assertThat(http.get().uri("/api/articles/{id}", id)).hasStatus(404);

        double stale = count("herald.search.indexed", "outcome", "stale");
        publish(event(UUID.randomUUID(), id, 1, unit, "党建动态", "将被撤下的报道", NANNING_BODY));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("herald.search.indexed", "outcome", "stale") > stale);
        assertThat(search("撤下", unit)).bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void suggestionsAndRelatedArticlesAreOpenToReaders() {
        String unit = "推荐测试单位-" + UUID.randomUUID();
        String first = publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "如意先锋战疫情 党旗一线红", NANNING_BODY));
        String second = publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "如意先锋再出发", NANNING_BODY));
        awaitTotal(search("如意先锋", unit), 2);

        assertThat(http.get().uri("/api/search/suggest").param("prefix", "如意先锋")).hasStatusOk()
                .bodyJson().extractingPath("$[*].text").asArray().contains("如意先锋战疫情 党旗一线红", "如意先锋再出发");
        assertThat(http.get().uri("/api/search/suggest").param("prefix", "ruyixianfeng")).hasStatusOk()
                .bodyJson().extractingPath("$[*].text").asArray().contains("如意先锋再出发");
        assertThat(http.get().uri("/api/articles/{id}/related", first)).hasStatusOk()
                .bodyJson().extractingPath("$[*].id").asArray().contains(second).doesNotContain(first);
        assertProblem(http.get().uri("/api/search/suggest").param("prefix", "").exchange(), "prefix");
        assertThat(http.get().uri("/api/articles/{id}/related", "rpt-unknown")).hasStatus(404);
    }

    @Test
    void onlyAdministratorsEditTheDictionaryOrRebuildTheIndex() {
        var admin = TestTokens.admin();
        assertThat(http.get().uri("/api/search/dictionary")).hasStatus(401);
        assertThat(http.get().uri("/api/search/dictionary").with(TestTokens.moderator("m"))).hasStatusOk();
        assertThat(http.put().uri("/api/search/dictionary").with(TestTokens.moderator("m"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"phrases\":[],\"synonyms\":[]}")).hasStatus(403);
        assertThat(http.put().uri("/api/search/dictionary").with(admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"phrases\":[\"x\"],\"synonyms\":[]}")).hasStatus(400);
        assertThat(http.get().uri("/api/search/index").with(admin)).hasStatusOk()
                .bodyJson().extractingPath("$.schema").isEqualTo(ArticleDocuments.SCHEMA);
        assertThat(http.post().uri("/api/search/index/rebuild")).hasStatus(401);
        assertThat(http.post().uri("/api/search/index/rebuild").with(admin)).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri("/api/search/index").with(admin))
                .bodyJson().extractingPath("$.lastRebuild.reason").isEqualTo("requested by an administrator"));
    }

    /** The names infra/observability's dashboards and alerts query, as the Prometheus endpoint really exports them. */
    @Test
    void theStageTimeAndRequestLatencyAreExportedAsHistogramsUnderTheNamesTheDashboardsUse() throws Exception {
        // a unit and words of its own, so the other tests' searches never meet this article
        String unit = "统计测试单位" + UUID.randomUUID();
        publish(event(UUID.randomUUID(), newId(), 1, unit, "党建动态", "统计导出的报道", "统计导出测试的正文。"));
        awaitTotal(search("统计导出", unit), 1);

        String scraped = http.get().with(TestTokens.admin()).uri("/actuator/prometheus").exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(scraped).contains("herald_pipeline_decision_to_searchable_seconds_bucket{", "herald_search_indexed_total{",
                "herald_search_index_documents{", "http_server_requests_seconds_bucket{", "herald_events_lag_seconds_bucket{",
                "disk_free_bytes{");
    }

    @Test
    void readingNeedsNoTokenButNothingElseIsOpen() {
        assertThat(http.get().uri("/api/search?q=疫情")).hasStatusOk();
        assertThat(http.post().uri("/api/search?q=疫情")).hasStatus(401);
        assertThat(http.get().uri("/actuator/prometheus")).hasStatus(401);
    }

}
