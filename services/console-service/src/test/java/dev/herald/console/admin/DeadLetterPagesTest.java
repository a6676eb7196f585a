package dev.herald.console.admin;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each service's dead letters: listed by service, topic and status, shown with their reason, replayed or discarded. */
class DeadLetterPagesTest extends PageTest {

    private static final String ID = "herald.article.published.dlq-0-17";

    private static final String LIST = """
            {"total":1,"page":0,"size":20,"deadLetters":[
             {"id":"herald.article.published.dlq-0-17","status":"PENDING","topic":"herald.article.published","consumer":"indexArticle",
              "key":"rpt-9","failedAt":"2026-12-03T01:00:00Z","reason":"IOException: disk full","replays":0}]}""";

    private static final String LETTER = """
            {"id":"herald.article.published.dlq-0-17","status":"FAILING","topic":"herald.article.published","partition":0,"offset":17,
             "consumer":"indexArticle","key":"rpt-9","failedAt":"2026-12-03T01:00:00Z",
             "reason":{"exception":"java.io.IOException","message":"disk full","rootCause":"IOException: disk full","stackTrace":"at x.y(Z.java:1)"},
             "payload":"{\\"articleId\\":\\"rpt-9\\",\\"title\\":\\"<b>如意先锋</b>\\"}","payloadEncoding":"utf-8","headers":{},
             "replays":[{"at":"2026-12-03T02:00:00Z","by":"admin","outcome":"FAILING","reason":"IOException: disk still full"}]}""";

    @Test
    void aServicesDeadLettersAreListedByTopicAndStatusWithTheirReason() throws Exception {
        SERVICES.json("GET", "/api/admin/dead-letters", 200, LIST);

        String page = mvc.perform(get("/admin/dead-letters").with(admin()).param("service", "search").param("topic", "herald.article.published")
                        .param("status", "PENDING"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("herald.article.published", "indexArticle", "待处理", "IOException: disk full", "2026-12-03 09:00")
                .contains("href=\"/admin/dead-letters/search/herald.article.published.dlq-0-17\"", "<option value=\"search\" selected=\"selected\">检索服务</option>");
        assertThat(SERVICES.last("GET", "/api/admin/dead-letters").query()).contains("topic=herald.article.published", "status=PENDING", "size=20");
    }

    @Test
    void aTopicThatIsNoTopicNameIsNotSentOn() throws Exception {
        SERVICES.json("GET", "/api/admin/dead-letters", 200, "{\"total\":0,\"deadLetters\":[]}");

        String page = mvc.perform(get("/admin/dead-letters").with(admin()).param("topic", "a b&c=d").param("status", "WHATEVER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有死信。");
        assertThat(SERVICES.last("GET", "/api/admin/dead-letters").query()).doesNotContain("topic", "status");
    }

    @Test
    void aDeadLetterIsShownWithWhyItFailedWhatItCarriedEscapedAndItsReplays() throws Exception {
        SERVICES.json("GET", "/api/admin/dead-letters/" + ID, 200, LETTER);

        String page = mvc.perform(get("/admin/dead-letters/notification/" + ID).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("重放仍失败", "herald.article.published (0/17)", "IOException: disk full", "at x.y(Z.java:1)")
                .contains("&lt;b&gt;如意先锋&lt;/b&gt;", "admin", "IOException: disk still full")
                .contains("action=\"/admin/dead-letters/notification/" + ID + "/replay\"", "action=\"/admin/dead-letters/notification/" + ID + "/discard\"")
                .doesNotContain("<b>如意先锋</b>");
    }

    @Test
    void aDiscardedDeadLetterOffersNeitherReplayNorDiscard() throws Exception {
        SERVICES.json("GET", "/api/admin/dead-letters/" + ID, 200, LETTER.replace("\"status\":\"FAILING\"",
                "\"status\":\"DISCARDED\",\"discardedAt\":\"2026-12-03T03:00:00Z\",\"discardedBy\":\"admin\""));

        String page = mvc.perform(get("/admin/dead-letters/ingest/" + ID).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("已放弃", "admin 2026-12-03 11:00").doesNotContain("/replay\"", "/discard\"");
    }

    @Test
    void aReplayThatWorkedIsSaidSoAndOneThatFailedAgainSaysWhy() throws Exception {
        SERVICES.json("POST", "/api/admin/dead-letters/" + ID + "/replay", 200, "{\"id\":\"" + ID + "\",\"outcome\":\"REPLAYED\"}");

        mvc.perform(post("/admin/dead-letters/moderation/" + ID + "/replay").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters/moderation/" + ID)).andExpect(flash().attribute("notice", "已重放，处理成功。"));
        assertThat(SERVICES.last("POST", "/api/admin/dead-letters/" + ID + "/replay").authorization()).isEqualTo("Bearer " + TOKEN);

        SERVICES.json("POST", "/api/admin/dead-letters/" + ID + "/replay", 200,
                "{\"id\":\"" + ID + "\",\"outcome\":\"FAILING\",\"reason\":\"IOException: disk still full\"}");
        mvc.perform(post("/admin/dead-letters/moderation/" + ID + "/replay").with(admin()).with(csrf()))
                .andExpect(flash().attribute("error", "重放后仍然失败：IOException: disk still full"));
    }

    @Test
    void aDeadLetterIsDiscardedAndOneGoneIsTheServicesNotFound() throws Exception {
        SERVICES.json("DELETE", "/api/admin/dead-letters/" + ID, 200, LETTER);

        mvc.perform(post("/admin/dead-letters/ingest/" + ID + "/discard").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters/ingest/" + ID)).andExpect(flash().attribute("notice", "已放弃这条死信（保留记录）。"));

        SERVICES.problem("GET", "/api/admin/dead-letters/x-0-1", 404, "dead letter x-0-1 not found");
        String page = mvc.perform(get("/admin/dead-letters/ingest/x-0-1").with(admin())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("没有找到：dead letter x-0-1 not found");
    }

    @Test
    void everyOpenDeadLetterOfATopicIsReplayedInOneGoAndWhatTheyCameToCounted() throws Exception {
        SERVICES.json("GET", "/api/admin/dead-letters", 200, LIST)
                .json("POST", "/api/admin/dead-letters/replay", 200, "{\"replayed\":3,\"alreadyReplayed\":1,\"failing\":0,\"busy\":0,\"deadLetters\":[]}");

        String page = mvc.perform(get("/admin/dead-letters").with(admin()).param("service", "search").param("topic", "herald.article.published"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("重放主题 herald.article.published 所有未处理的死信", "name=\"topic\" value=\"herald.article.published\"");

        mvc.perform(post("/admin/dead-letters/replay").with(admin()).with(csrf()).param("service", "search").param("topic", "herald.article.published"))
                .andExpect(redirectedUrl("/admin/dead-letters?service=search&topic=herald.article.published"))
                .andExpect(flash().attribute("notice", "重放成功 3 条，早已重放 1 条，仍然失败 0 条，正在重放中 0 条。"));
        assertThat(SERVICES.last("POST", "/api/admin/dead-letters/replay").query()).isEqualTo("topic=herald.article.published");

        SERVICES.json("POST", "/api/admin/dead-letters/replay", 200, "{\"replayed\":0,\"alreadyReplayed\":0,\"failing\":2,\"busy\":0}");
        mvc.perform(post("/admin/dead-letters/replay").with(admin()).with(csrf()).param("service", "notification"))
                .andExpect(redirectedUrl("/admin/dead-letters?service=notification"))
                .andExpect(flash().attribute("error", "重放成功 0 条，早已重放 0 条，仍然失败 2 条，正在重放中 0 条。"));
        assertThat(SERVICES.last("POST", "/api/admin/dead-letters/replay").query()).isEmpty();
    }
}
