package dev.herald.console.subscriber;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Subscriptions by saved search, by e-mail and to a webhook; a webhook's deliveries, their attempts and a replay. */
class DeliveryPagesTest extends PageTest {

    private static final String WEBHOOK = """
            {"id":"sub-7","filter":{"query":"\\"疫情防控\\" -演练"},"status":"ACTIVE","createdAt":"2026-12-03T01:00:00Z",
             "delivery":{"type":"WEBHOOK","url":"https://hooks.example.cn/herald","secret":"whsec_c2VjcmV0LW9uZQ=="}}""";

    private static final String DELIVERIES = """
            {"subscriptionId":"sub-7","total":2,"page":0,"size":20,"deliveries":[
             {"id":"msg-2","type":"notification.created","notificationIds":["ntf-2"],"url":"https://hooks.example.cn/herald",
              "status":"FAILED","statusReason":"the retry schedule ran out","attemptCount":3,"replays":1,"createdAt":"2026-12-03T02:00:00Z",
              "attempts":[{"at":"2026-12-03T02:00:00Z","httpStatus":500,"durationMillis":40},
                          {"at":"2026-12-03T02:01:00Z","error":"connect timed out","durationMillis":2000}]},
             {"id":"msg-1","type":"notification.created","notificationIds":["ntf-1"],"status":"DELIVERED","attemptCount":1,"replays":0,
              "createdAt":"2026-12-03T01:00:00Z","attempts":[{"at":"2026-12-03T01:00:00Z","httpStatus":204,"durationMillis":12}]}]}""";

    @Test
    void aSavedSearchIsSubscribedAsTypedNotSplitIntoWords() throws Exception {
        SERVICES.json("POST", "/api/subscriptions", 201, "{\"id\":\"sub-5\",\"status\":\"ACTIVE\",\"delivery\":{\"type\":\"INBOX\"}}");

        mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "query")
                        .param("values", " \"疫情防控\" -演练 "))
                .andExpect(redirectedUrl("/subscriber")).andExpect(flash().attribute("notice", "已订阅。"));

        assertThat(SERVICES.last("POST", "/api/subscriptions").body())
                .contains("\"query\":\"\\\"疫情防控\\\" -演练\"", "\"delivery\":{\"type\":\"INBOX\"}");
    }

    @Test
    void anEmailSubscriptionSaysItWaitsForTheAddressToBeConfirmed() throws Exception {
        SERVICES.json("POST", "/api/subscriptions", 201, """
                {"id":"sub-6","status":"PENDING_VERIFICATION","filter":{"keywords":["义诊"]},
                 "delivery":{"type":"EMAIL","email":"reader@example.cn","emailVerified":false}}""");

        mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "keywords").param("values", "义诊")
                        .param("delivery", "EMAIL").param("email", " reader@example.cn ").param("url", "https://ignored"))
                .andExpect(redirectedUrl("/subscriber"))
                .andExpect(flash().attribute("notice", "已订阅。确认邮件已发往 reader@example.cn，确认后开始发送邮件。"));

        assertThat(SERVICES.last("POST", "/api/subscriptions").body())
                .contains("\"delivery\":{\"type\":\"EMAIL\",\"email\":\"reader@example.cn\"}").doesNotContain("ignored");
    }

    @Test
    void aWebhooksSigningSecretIsShownOnceOnThePageAfterItsCreation() throws Exception {
        SERVICES.json("POST", "/api/subscriptions", 201, WEBHOOK);

        var made = mvc.perform(post("/subscriber/subscriptions").with(subscriber()).with(csrf()).param("kind", "query")
                        .param("values", "\"疫情防控\" -演练").param("delivery", "WEBHOOK").param("url", "https://hooks.example.cn/herald"))
                .andExpect(redirectedUrl("/subscriber")).andReturn();
        assertThat(SERVICES.last("POST", "/api/subscriptions").body())
                .contains("\"delivery\":{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example.cn/herald\"}");

        SERVICES.json("GET", "/api/subscriptions", 200, "{\"total\":1,\"subscriptions\":[" + WEBHOOK + "]}");
        String once = mvc.perform(get("/subscriber").with(subscriber()).flashAttrs(made.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String later = mvc.perform(get("/subscriber").with(subscriber())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(once).contains("Webhook 签名密钥", "只显示这一次", "<code class=\"secret-value\">whsec_c2VjcmV0LW9uZQ==</code>");
        // the list itself never shows it, though the service's answer carries it
        assertThat(later).contains("https://hooks.example.cn/herald", "检索式：&quot;疫情防控&quot; -演练",
                        "href=\"/subscriber/subscriptions/sub-7/deliveries\"", "action=\"/subscriber/subscriptions/sub-7/secret\"")
                .doesNotContain("whsec_");
    }

    @Test
    void aRotatedSecretIsShownOnceAndARefusedRotationSaysWhy() throws Exception {
        SERVICES.json("POST", "/api/subscriptions/sub-7/secret/rotate", 200, WEBHOOK.replace("c2VjcmV0LW9uZQ==", "bmV3LXNlY3JldA=="));

        mvc.perform(post("/subscriber/subscriptions/sub-7/secret").with(subscriber()).with(csrf()))
                .andExpect(redirectedUrl("/subscriber"))
                .andExpect(flash().attribute("notice", "已更换签名密钥；旧密钥在过渡期内仍然有效。"))
                .andExpect(flash().attribute("secret", new SubscriberController.Secret("sub-7", "whsec_bmV3LXNlY3JldA==")));

        SERVICES.problem("POST", "/api/subscriptions/sub-1/secret/rotate", 409, "only a webhook subscription has a signing secret");
        mvc.perform(post("/subscriber/subscriptions/sub-1/secret").with(subscriber()).with(csrf()))
                .andExpect(flash().attribute("error", "状态已变化：only a webhook subscription has a signing secret"));
    }

    @Test
    void theListShowsAnAddressAwaitingConfirmationAndOffersPauseOrResumeByStatus() throws Exception {
        SERVICES.json("GET", "/api/subscriptions", 200, """
                {"total":2,"subscriptions":[
                 {"id":"sub-6","status":"PENDING_VERIFICATION","filter":{"keywords":["义诊"]},
                  "delivery":{"type":"EMAIL","email":"reader@example.cn","emailVerified":false}},
                 {"id":"sub-8","status":"PAUSED","filter":{"channels":["党建新闻"]},"delivery":{"type":"INBOX"}}]}""");

        String page = mvc.perform(get("/subscriber").with(subscriber())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("电子邮件", "待验证邮箱", "等待 reader@example.cn 确认，确认前不发送邮件")
                .contains("action=\"/subscriber/subscriptions/sub-6/pause\"", "action=\"/subscriber/subscriptions/sub-8/resume\"")
                .doesNotContain("action=\"/subscriber/subscriptions/sub-8/pause\"", "sub-6/deliveries", "sub-6/secret")
                .contains("<legend>接收方式</legend>", "<label for=\"delivery-EMAIL\">电子邮件</label>", "<label for=\"url\">");
    }

    @Test
    void pausingAndResumingAskTheService() throws Exception {
        SERVICES.json("POST", "/api/subscriptions/sub-8/pause", 200, "{\"id\":\"sub-8\"}")
                .json("POST", "/api/subscriptions/sub-8/resume", 200, "{\"id\":\"sub-8\"}");

        mvc.perform(post("/subscriber/subscriptions/sub-8/pause").with(subscriber()).with(csrf()))
                .andExpect(flash().attribute("notice", "已暂停订阅。"));
        mvc.perform(post("/subscriber/subscriptions/sub-8/resume").with(subscriber()).with(csrf()))
                .andExpect(flash().attribute("notice", "已恢复订阅。"));

        assertThat(SERVICES.last("POST", "/api/subscriptions/sub-8/resume").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aWebhooksDeliveriesShowEveryAttemptAndOfferAReplayOfTheFailedOne() throws Exception {
        SERVICES.json("GET", "/api/subscriptions/sub-7", 200, WEBHOOK).json("GET", "/api/subscriptions/sub-7/deliveries", 200, DELIVERIES);

        String page = mvc.perform(get("/subscriber/subscriptions/sub-7/deliveries").with(subscriber()).param("status", "FAILED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("投递到 https://hooks.example.cn/herald", "共 2 次投递")
                .contains("投递失败", "msg-2", "原因：the retry schedule ran out", "，已重新投递 1 次", "共尝试 2 次", "HTTP 500", "40 毫秒",
                        "没有应答：connect timed out", "2,000 毫秒", "2026-12-03 10:01")
                .contains("已送达", "HTTP 204", "action=\"/subscriber/deliveries/msg-2/replay\"", "name=\"subscription\" value=\"sub-7\"")
                .doesNotContain("action=\"/subscriber/deliveries/msg-1/replay\"", "whsec_");
        assertThat(SERVICES.last("GET", "/api/subscriptions/sub-7/deliveries").query()).contains("status=FAILED", "page=0", "size=20");
    }

    @Test
    void aFailedDeliveryIsReplayedAndARefusedReplayIsShownOnTheList() throws Exception {
        SERVICES.json("POST", "/api/deliveries/msg-2/replay", 202, "{\"id\":\"msg-2\",\"status\":\"PENDING\"}");

        mvc.perform(post("/subscriber/deliveries/msg-2/replay").with(subscriber()).with(csrf()).param("subscription", "sub-7"))
                .andExpect(redirectedUrl("/subscriber/subscriptions/sub-7/deliveries"))
                .andExpect(flash().attribute("notice", "已安排重新投递 msg-2。"));
        assertThat(SERVICES.last("POST", "/api/deliveries/msg-2/replay").authorization()).isEqualTo("Bearer " + TOKEN);

        SERVICES.problem("POST", "/api/deliveries/msg-1/replay", 409, "only a FAILED delivery can be replayed; this one is DELIVERED");
        mvc.perform(post("/subscriber/deliveries/msg-1/replay").with(subscriber()).with(csrf()).param("subscription", "sub-7"))
                .andExpect(redirectedUrl("/subscriber/subscriptions/sub-7/deliveries"))
                .andExpect(flash().attribute("error", "状态已变化：only a FAILED delivery can be replayed; this one is DELIVERED"));
    }

    @Test
    void anotherSubscribersDeliveriesAreTheServicesNotFoundPage() throws Exception {
        SERVICES.problem("GET", "/api/subscriptions/sub-x", 404, "subscription sub-x not found");

        String page = mvc.perform(get("/subscriber/subscriptions/sub-x/deliveries").with(subscriber())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有找到：subscription sub-x not found");
    }
}
