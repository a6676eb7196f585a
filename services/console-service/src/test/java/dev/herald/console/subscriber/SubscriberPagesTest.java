package dev.herald.console.subscriber;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SubscriberPagesTest extends PageTest {

    private static final String NOTICE = """
            {"id":"ntf-1","kind":"ARTICLE","subscriptionId":"sub-1","articleId":"rpt-42","title":"社区开展<义诊>活动",
             "unit":"南宁市中医医院党委","channel":"党建新闻","matchedBy":{"keyword":"义诊"},"read":false,
             "createdAt":"2026-12-03T01:00:00Z"}""";

    @Test
    void theSubscriptionsAreListedWithWhatTheyAskForTheirDeliveryAndStatus() throws Exception {
        SERVICES.json("GET", "/api/subscriptions", 200, """
                {"total":2,"page":0,"size":100,"subscriptions":[
                 {"id":"sub-1","filter":{"keywords":["义诊","疫情"]},"delivery":{"type":"INBOX"},"status":"ACTIVE","createdAt":"2026-12-03T01:00:00Z"},
                 {"id":"sub-2","filter":{"units":["南宁市中医医院党委"]},"delivery":{"type":"WEBHOOK","url":"http://x"},"status":"DISABLED",
                  "statusReason":"endpoint answered 410","createdAt":"2026-12-03T02:00:00Z"}]}""");

        String page = mvc.perform(get("/subscriber").with(subscriber())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("关键词：义诊、疫情", "收件箱", "生效中", "2026-12-03 09:00")
                .contains("单位：南宁市中医医院党委", "Webhook", "已停用", "endpoint answered 410")
                .contains("action=\"/subscriber/subscriptions/sub-1/delete\"", "<label for=\"values\">内容</label>");
        assertThat(SERVICES.last("GET", "/api/subscriptions").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aKeywordSubscriptionIsCreatedForTheInboxWithTheSubscribersToken() throws Exception {
        SERVICES.json("POST", "/api/subscriptions", 201, "{\"id\":\"sub-3\",\"status\":\"ACTIVE\"}");

        mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "keywords").param("values", "义诊， 疫情 "))
                .andExpect(redirectedUrl("/subscriber")).andExpect(flash().attribute("notice", "已订阅。"));

        var sent = SERVICES.last("POST", "/api/subscriptions");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.body()).contains("\"keywords\":[\"义诊\",\"疫情\"]", "\"delivery\":{\"type\":\"INBOX\"}").doesNotContain("reader-1");
    }

    @Test
    void aChannelOrUnitSubscriptionNamesThatCriterion() throws Exception {
        SERVICES.json("POST", "/api/subscriptions", 201, "{\"id\":\"sub-4\",\"status\":\"ACTIVE\"}");

        mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "units").param("values", "南宁市中医医院党委"))
                .andExpect(redirectedUrl("/subscriber"));
        assertThat(SERVICES.last("POST", "/api/subscriptions").body()).contains("\"units\":[\"南宁市中医医院党委\"]");

        mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "channels").param("values", "党建新闻"))
                .andExpect(redirectedUrl("/subscriber"));
        assertThat(SERVICES.last("POST", "/api/subscriptions").body()).contains("\"channels\":[\"党建新闻\"]");
    }

    @Test
    void aRefusedSubscriptionIsShownBesideTheFormKeepingWhatWasTyped() throws Exception {
        SERVICES.json("GET", "/api/subscriptions", 200, "{\"total\":0,\"subscriptions\":[]}")
                .raw("POST", "/api/subscriptions", 400, "application/problem+json",
                        "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"filter.keywords[0]\",\"message\":\"size must be between 0 and 50\"}]}");

        String page = mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "keywords").param("values", "很长的词"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（filter.keywords[0] size must be between 0 and 50）", "value=\"很长的词\"", "还没有订阅。");
    }

    @Test
    void aSubscriptionIsDeletedAndOneAlreadyGoneIsSaidSo() throws Exception {
        SERVICES.raw("DELETE", "/api/subscriptions/sub-1", 204, "application/json", "");
        mvc.perform(post("/subscriber/subscriptions/sub-1/delete").with(subscriber()).with(csrf()))
                .andExpect(redirectedUrl("/subscriber")).andExpect(flash().attribute("notice", "已删除订阅。"));
        assertThat(SERVICES.last("DELETE", "/api/subscriptions/sub-1").authorization()).isEqualTo("Bearer " + TOKEN);

        SERVICES.problem("DELETE", "/api/subscriptions/sub-9", 404, "subscription sub-9 not found");
        mvc.perform(post("/subscriber/subscriptions/sub-9/delete").with(subscriber()).with(csrf()))
                .andExpect(redirectedUrl("/subscriber")).andExpect(flash().attribute("error", "没有找到：subscription sub-9 not found"));
    }

    @Test
    void aListThatCannotBeReadStillOffersTheForm() throws Exception {
        SERVICES.problem("GET", "/api/subscriptions", 503, "store away");

        String page = mvc.perform(get("/subscriber").with(subscriber())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("通知服务出错了（503）：store away", "新建订阅");
    }

    @Test
    void theInboxIsTheSubscribersOwnWithUnreadNoticesMarkedAndTheLiveStreamOffered() throws Exception {
        SERVICES.json("GET", "/api/subscribers/reader-1/notifications", 200,
                "{\"subscriber\":\"reader-1\",\"total\":2,\"unread\":1,\"page\":0,\"size\":20,\"notifications\":[" + NOTICE + ","
                        + NOTICE.replace("ntf-1", "ntf-0").replace("\"read\":false", "\"read\":true") + "]}");

        String page = mvc.perform(get("/subscriber/inbox").with(subscriber())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<span id=\"inbox-counts\">共 2 条，未读 1 条</span>", "id=\"notice-ntf-1\"", "社区开展&lt;义诊&gt;活动", "href=\"/articles/rpt-42\"",
                "匹配：义诊", "action=\"/subscriber/notifications/ntf-1/read\"", "data-stream=\"/subscriber/inbox/stream\"", "/js/inbox-live.js")
                .doesNotContain("action=\"/subscriber/notifications/ntf-0/read\"");
        assertThat(page.split("name=\"_csrf\" value=\"[^\"]+\"", -1)).hasSizeGreaterThan(2);
        assertThat(SERVICES.last("GET", "/api/subscribers/reader-1/notifications").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void anInboxTheServiceRefusesIsItsMessageNotAnErrorPage() throws Exception {
        SERVICES.problem("GET", "/api/subscribers/reader-1/notifications", 403, "the token names no subscriber");

        String page = mvc.perform(get("/subscriber/inbox").with(subscriber())).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有权限：the token names no subscriber");
    }

    @Test
    void newNoticesAreRelayedFromTheServicesStreamAsTheInboxsOwnRows() throws Exception {
        SERVICES.raw("GET", "/api/subscribers/reader-1/notifications/stream", 200, "text/event-stream",
                ":open\n\n:keep-alive\n\nid:ntf-1\nevent:notification\ndata:" + NOTICE.replace("\n", "") + "\n\n");

        MvcResult stream = mvc.perform(get("/subscriber/inbox/stream").with(subscriber())).andExpect(request().asyncStarted()).andReturn();
        stream.getAsyncResult();
        String events = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(events).contains("event:notice", "id:ntf-1", "<li id=\"notice-ntf-1\"", "社区开展&lt;义诊&gt;活动",
                "href=\"/articles/rpt-42\"", "action=\"/subscriber/notifications/ntf-1/read\"");
        assertThat(events).containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(events.lines().filter(l -> l.startsWith("data:")).count()).isEqualTo(1);
        var sent = SERVICES.last("GET", "/api/subscribers/reader-1/notifications/stream");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.query()).isEqualTo("seconds=300");
    }

    @Test
    void aStreamTheServiceRefusesEndsAtOnceWithItsStatus() throws Exception {
        SERVICES.problem("GET", "/api/subscribers/reader-1/notifications/stream", 404, "inbox reader-1 not found");

        mvc.perform(get("/subscriber/inbox/stream").with(subscriber())).andExpect(status().isNotFound())
                .andExpect(request().asyncNotStarted());
    }

    @Test
    void aNoticeIsMarkedReadAndSoIsTheWholeInbox() throws Exception {
        SERVICES.json("POST", "/api/notifications/ntf-1/read", 200, NOTICE.replace("\"read\":false", "\"read\":true"))
                .json("POST", "/api/subscribers/reader-1/notifications/read", 200, "{\"marked\":3}");

        mvc.perform(post("/subscriber/notifications/ntf-1/read").with(subscriber()).with(csrf())).andExpect(redirectedUrl("/subscriber/inbox"));
        assertThat(SERVICES.last("POST", "/api/notifications/ntf-1/read").authorization()).isEqualTo("Bearer " + TOKEN);

        mvc.perform(post("/subscriber/inbox/read").with(subscriber()).with(csrf()))
                .andExpect(redirectedUrl("/subscriber/inbox")).andExpect(flash().attribute("notice", "已全部标为已读。"));
        assertThat(SERVICES.last("POST", "/api/subscribers/reader-1/notifications/read").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void markingANoticeSomeoneElseOwnsIsSaidSo() throws Exception {
        SERVICES.problem("POST", "/api/notifications/ntf-x/read", 404, "notification ntf-x not found");

        mvc.perform(post("/subscriber/notifications/ntf-x/read").with(subscriber()).with(csrf()))
                .andExpect(redirectedUrl("/subscriber/inbox")).andExpect(flash().attribute("error", "没有找到：notification ntf-x not found"));
    }

    @Test
    void aUnitIsNotShownASubscribersPages() throws Exception {
        mvc.perform(get("/subscriber/inbox").with(unit())).andExpect(status().isForbidden());
    }
}
