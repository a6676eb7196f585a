package dev.herald.console.unit;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class FeedPagesTest extends PageTest {

    private static final String FEEDS = """
            {"feeds":[
             {"id":"feed-1","url":"https://www.example.cn/rss.xml","title":"医院新闻","status":"ACTIVE","health":"FAILING",
              "intervalMinutes":60,"lastPolledAt":"2026-12-03T02:00:00Z","lastError":"HTTP 503 from www.example.cn",
              "consecutiveFailures":3,"itemsImported":12,"itemsSkipped":2,"createdAt":"2026-11-01T00:00:00Z"},
             {"id":"feed-2","url":"https://dj.example.cn/atom.xml","status":"PAUSED","health":"QUIET","intervalMinutes":30,
              "lastItem":{"title":"党课开讲","link":"https://dj.example.cn/1","importedAt":"2026-11-20T00:00:00Z"},
              "itemsImported":4,"itemsSkipped":0,"consecutiveFailures":0,"createdAt":"2026-11-01T00:00:00Z"}]}""";

    @Test
    void theUnitsFeedsAreListedWithTheirHealthInChineseAndWhyOneFails() throws Exception {
        SERVICES.json("GET", "/api/feeds", 200, FEEDS);

        String page = mvc.perform(get("/unit/feeds").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("医院新闻", "抓取失败", "连续失败 3 次：HTTP 503 from www.example.cn", "2026-12-03 10:00",
                        "已导入 12 条，跳过 2 条", "每 60 分钟抓取一次")
                .contains("https://dj.example.cn/atom.xml", "长时间没有新内容", "（已暂停）", "最新：党课开讲")
                .contains("action=\"/unit/feeds/feed-1/pause\"", "action=\"/unit/feeds/feed-2/resume\"", "action=\"/unit/feeds/feed-1/poll\"")
                .doesNotContain("action=\"/unit/feeds/feed-2/pause\"", ">FAILING<", ">QUIET<");
        assertThat(SERVICES.last("GET", "/api/feeds").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aFeedIsRegisteredWithItsIntervalAndTheListShownAgain() throws Exception {
        SERVICES.json("POST", "/api/feeds", 201, "{\"id\":\"feed-3\",\"url\":\"https://www.example.cn/rss.xml\"}");

        mvc.perform(post("/unit/feeds").with(unit()).with(csrf()).param("url", " https://www.example.cn/rss.xml ").param("intervalMinutes", "90"))
                .andExpect(redirectedUrl("/unit/feeds")).andExpect(flash().attribute("notice", "已添加订阅源，稍后开始抓取。"));

        assertThat(SERVICES.last("POST", "/api/feeds").body()).contains("\"url\":\"https://www.example.cn/rss.xml\"", "\"intervalMinutes\":90");
    }

    @Test
    void aFeedIngestRefusesIsShownBesideTheFormKeepingWhatWasTyped() throws Exception {
        SERVICES.json("GET", "/api/feeds", 200, "{\"feeds\":[]}").raw("POST", "/api/feeds", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"intervalMinutes\",\"message\":\"must be 5 to 10080\"}]}");

        String page = mvc.perform(post("/unit/feeds").with(unit()).with(csrf()).param("url", "https://www.example.cn/rss.xml")
                        .param("intervalMinutes", "1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（intervalMinutes must be 5 to 10080）", "value=\"https://www.example.cn/rss.xml\"", "value=\"1\"",
                "还没有订阅源。");
    }

    @Test
    void pollingNowSaysWhatThePollBroughtAndAFailedPollWhy() throws Exception {
        SERVICES.json("POST", "/api/feeds/feed-1/poll", 200, "{\"feedId\":\"feed-1\",\"outcome\":\"OK\",\"added\":2,\"skipped\":1,\"failed\":0}");

        mvc.perform(post("/unit/feeds/feed-1/poll").with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/feeds")).andExpect(flash().attribute("notice", "抓取完成：新增 2 条，跳过 1 条，失败 0 条。"));

        SERVICES.json("POST", "/api/feeds/feed-1/poll", 200, "{\"feedId\":\"feed-1\",\"outcome\":\"FAILED\",\"error\":\"not a feed\"}");

        mvc.perform(post("/unit/feeds/feed-1/poll").with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/feeds")).andExpect(flash().attribute("error", "抓取失败：not a feed"));
    }

    @Test
    void pausingResumingAndRemovingAFeedAskIngest() throws Exception {
        SERVICES.json("PATCH", "/api/feeds/feed-1", 200, "{\"id\":\"feed-1\"}").raw("DELETE", "/api/feeds/feed-1", 204, "application/json", "");

        mvc.perform(post("/unit/feeds/feed-1/pause").with(unit()).with(csrf())).andExpect(flash().attribute("notice", "已暂停。"));
        assertThat(SERVICES.last("PATCH", "/api/feeds/feed-1").body()).isEqualTo("{\"status\":\"PAUSED\"}");
        mvc.perform(post("/unit/feeds/feed-1/resume").with(unit()).with(csrf())).andExpect(flash().attribute("notice", "已恢复。"));
        assertThat(SERVICES.last("PATCH", "/api/feeds/feed-1").body()).isEqualTo("{\"status\":\"ACTIVE\"}");
        mvc.perform(post("/unit/feeds/feed-1/delete").with(unit()).with(csrf())).andExpect(flash().attribute("notice", "已删除订阅源。"));
        assertThat(SERVICES.last("DELETE", "/api/feeds/feed-1").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void anotherUnitsFeedIsIngestsNotFoundShownOnTheList() throws Exception {
        SERVICES.problem("POST", "/api/feeds/feed-x/poll", 404, "feed feed-x not found");

        mvc.perform(post("/unit/feeds/feed-x/poll").with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/feeds")).andExpect(flash().attribute("error", "没有找到：feed feed-x not found"));
    }

    @Test
    void aListThatCannotBeReadStillOffersRegistering() throws Exception {
        SERVICES.problem("GET", "/api/feeds", 503, "busy");

        String page = mvc.perform(get("/unit/feeds").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("录入服务出错了（503）：busy", "<label for=\"url\">订阅源地址</label>");
    }
}
