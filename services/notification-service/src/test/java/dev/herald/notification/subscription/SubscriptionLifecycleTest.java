package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import dev.herald.notification.link.SignedLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscription's life: listed, changed, paused and resumed, confirmed, and ended by a link that needs no login. */
class SubscriptionLifecycleTest extends ComponentTest {

    @Autowired
    SignedLinks links;

    @Test
    void aSubscriberListsOnlyTheirOwnSubscriptions() {
        String mine = "订阅者-" + token();
        String first = subscribed(mine, inboxFor("{\"keywords\":[\"义诊\"]}"));
        String second = subscribed(mine, inboxFor("{\"units\":[\"某单位\"]}"));
        subscribed("别人-" + token(), inboxFor("{\"keywords\":[\"义诊\"]}"));

        JsonNode listed = read(http.get().uri("/api/subscriptions").with(TestTokens.subscriber(mine)).exchange());

        assertThat(listed.get("total").asInt()).isEqualTo(2);
        assertThat(listed.get("subscriptions").findValuesAsString("id")).containsExactly(first, second);
        assertThat(http.get().uri("/api/subscriptions?size=0").with(TestTokens.subscriber(mine))).hasStatus(400);
    }

    @Test
    void anUpdateReplacesTheFilterAndAWebhookKeepsItsSigningSecret() {
        String who = "更新者-" + token();
        MvcTestResult created = subscribe(who, """
                {"filter":{"keywords":["旧词"]},"delivery":{"type":"WEBHOOK","url":"https://example.org/hook"}}""");
        JsonNode before = read(created);
        String secret = before.get("delivery").get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        MvcTestResult updated = http.put().uri("/api/subscriptions/{id}", before.get("id").asString())
                .with(TestTokens.subscriber(who)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"filter":{"keywords":["新词"]},"delivery":{"type":"WEBHOOK","url":"https://example.org/other"},
                         "frequency":{"cadence":"DAILY","dailyAt":"07:30","zone":"Asia/Shanghai"}}""").exchange();

        assertThat(updated).hasStatusOk();
        JsonNode after = read(updated);
        assertThat(after.get("filter").get("keywords").get(0).asString()).isEqualTo("新词");
        assertThat(after.get("delivery").get("secret").asString()).isEqualTo(secret);
        assertThat(after.get("frequency").get("cadence").asString()).isEqualTo("DAILY");
        assertThat(after.get("frequency").get("dailyAt").asString()).startsWith("07:30");
        assertThat(http.put().uri("/api/subscriptions/{id}", before.get("id").asString())
                .with(TestTokens.subscriber("别人-" + token())).contentType(MediaType.APPLICATION_JSON)
                .content(inboxFor("{\"keywords\":[\"x词\"]}"))).hasStatus(404);
    }

    @Test
    void aPausedSubscriptionHearsNothingUntilItIsResumed() {
        String who = "暂停者-" + token();
        String unit = "暂停测试单位-" + token();
        String id = subscribed(who, inboxFor("{\"units\":[\"" + unit + "\"]}"));

        assertThat(http.post().uri("/api/subscriptions/{id}/pause", id).with(TestTokens.subscriber(who))).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("PAUSED");
        String whilePaused = "rpt-" + UUID.randomUUID();
        double handled = counted("herald.events.consumed", "consumer", "notification.article-published", "outcome", "processed");
        publish(unit, article(whilePaused, unit, "党建动态", "暂停期间的报道", "正文。"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                counted("herald.events.consumed", "consumer", "notification.article-published", "outcome", "processed") > handled);
        assertThat(http.post().uri("/api/subscriptions/{id}/resume", id).with(TestTokens.subscriber(who))).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
        String afterResume = "rpt-" + UUID.randomUUID();
        publish(unit, article(afterResume, unit, "党建动态", "恢复之后的报道", "正文。"));

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(who).get("total").asInt() >= 1);
        assertThat(inbox(who).get("notifications").findValuesAsString("articleId")).containsExactly(afterResume);
    }

    @Test
    void aSavedSearchMatchesArticlesHoldingEveryWordAndNoExcludedOne() {
        String who = "检索者-" + token();
        String unit = "检索测试单位-" + token();
        subscribed(who, inboxFor("{\"units\":[\"" + unit + "\"],\"query\":\"\\\"主题党日\\\" -演练\"}"));
        String excluded = "rpt-" + UUID.randomUUID();
        String wanted = "rpt-" + UUID.randomUUID();
        publish(unit, article(excluded, unit, "党建动态", "主题党日暨应急演练", "支部开展主题党日活动和消防演练。"));
        publish(unit, article(wanted, unit, "党建动态", "主题党日活动", "支部开展主题党日活动。"));

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(who).get("total").asInt() >= 1);
        assertThat(inbox(who).get("notifications").findValuesAsString("articleId")).containsExactly(wanted);
        assertThat(subscribe(who, inboxFor("{\"query\":\"\\\"未闭合\"}"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter.query");
        assertThat(subscribe(who, inboxFor("{\"query\":\"-只有排除\"}"))).hasStatus(400);
    }

    @Test
    void theUnsubscribeLinkNeedsNoLoginWorksOnceAndCannotBeForged() {
        String who = "退订者-" + token();
        String id = subscribed(who, inboxFor("{\"keywords\":[\"退订\"]}"));
        String token = links.unsubscribeUrl(id).replaceAll(".*token=", "");

        assertThat(http.post().uri("/api/unsubscribe?token={t}", token + "x")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().uri("/api/unsubscribe?token={t}", token)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("unsubscribed");
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(who))).hasStatus(404);
        assertThat(http.post().uri("/api/unsubscribe?token={t}", token)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("already unsubscribed");
    }

    @Test
    void anEmailAddressIsConfirmedByItsOwnLinkBeforeAnythingIsMailed() throws Exception {
        String who = "邮件订阅者-" + token();
        JsonNode created = read(subscribe(who, """
                {"filter":{"keywords":["邮件"]},"delivery":{"type":"EMAIL","email":"reader@example.org"}}"""));
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(created.get("delivery").get("emailVerified").asBoolean()).isFalse();

        String forOtherAddress = links.verificationUrl(id, "someone@example.org").replaceAll(".*token=", "");
        assertThat(http.post().uri("/api/email-verification?token={t}", forOtherAddress)).hasStatus(409);
        String token = links.verificationUrl(id, "reader@example.org").replaceAll(".*token=", "");
        // a mail scanner or a link preview follows the link with GET: that shows a button and confirms nothing
        MvcTestResult page = http.get().uri("/api/email-verification?token={t}", token).accept(MediaType.TEXT_HTML).exchange();
        assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("确认邮箱地址", "reader@example.org", "<form method=\"post\">");
        assertThat(http.get().uri("/api/email-verification?token={t}", token)).hasStatusOk().bodyJson()
                .extractingPath("$.status").asString().startsWith("unverified");
        assertThat(read(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(who)).exchange())
                .get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(http.post().uri("/api/email-verification?token={t}", token)).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("verified");

        JsonNode confirmed = read(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(who)).exchange());
        assertThat(confirmed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(confirmed.get("delivery").get("emailVerified").asBoolean()).isTrue();
        assertThat(subscribe(who, """
                {"filter":{"keywords":["邮件"]},"delivery":{"type":"EMAIL","email":"not-an-address"}}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.email");
    }

    @Test
    void aCadenceMustMakeSense() {
        String who = "频率-" + token();
        assertThat(subscribe(who, """
                {"filter":{"keywords":["频率"]},"delivery":{"type":"INBOX"},"frequency":{"cadence":"HOURLY","dailyAt":"08:00"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("frequency.dailyAt");
        assertThat(subscribe(who, """
                {"filter":{"keywords":["频率"]},"delivery":{"type":"INBOX"},"frequency":{"cadence":"DAILY","zone":"Mars/Olympus"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("frequency.zone");
        assertThat(subscribe(who, """
                {"filter":{"keywords":["频率"]},"delivery":{"type":"INBOX"},"frequency":{"cadence":"DAILY","dailyAt":"25:00"}}"""))
                .hasStatus(400);
        assertThat(read(subscribe(who, """
                {"filter":{"keywords":["频率"]},"delivery":{"type":"INBOX"},"frequency":{"cadence":"DAILY"}}"""))
                .get("frequency").get("dailyAt").asString()).startsWith("08:00");
    }

    private static String inboxFor(String filter) {
        return "{\"filter\":" + filter + ",\"delivery\":{\"type\":\"INBOX\"}}";
    }
}
