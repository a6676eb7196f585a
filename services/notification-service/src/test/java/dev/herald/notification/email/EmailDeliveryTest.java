package dev.herald.notification.email;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.MailComponentTest;
import dev.herald.notification.TestMailServer.Mail;
import jakarta.mail.internet.InternetAddress;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailDeliveryTest extends MailComponentTest {

    @Test
    void anUnconfirmedAddressIsSentTheConfirmationMailAndNothingElse() {
        String reader = "reader-" + token();
        String address = address();
        String unit = "单位-" + token();
        String id = subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(unit, address));

        Mail confirmation = awaitMail(address, 1);
        assertThat(confirmation.subject()).isEqualTo("【Herald】请确认您的邮箱地址");
        String verify = link(confirmation.text(), "/api/email-verification");
        assertThat(confirmation.html()).contains("href=\"" + verify.replace("&", "&amp;") + "\"");
        assertThat(confirmation.text()).contains(address);

        publish(reader, article("rpt-" + token(), unit, "党建动态", "未确认前发布", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);

        // the notice is in the inbox, but nothing is owed to the address, so nothing can go out later either
        assertThat(mailsOwed(id)).extracting(d -> d.getString("kind")).containsExactly("CONFIRMATION");
        assertThat(mailsTo(address)).hasSize(1);
    }

    @Test
    void afterConfirmationAnArticleArrivesAsOneMailInTextAndHtmlWithAWorkingOneClickUnsubscribe() throws Exception {
        String reader = "reader-" + token();
        String address = address();
        String unit = "某市卫生健康委-" + token();
        String id = confirmedEmailSubscription(reader, address, """
                {"units":["%s"]}""".formatted(unit), null);
        double delivered = counted("herald.notifications", "channel", "email", "outcome", "delivered");
        String title = "中医药文化<进校园>&传承";

        publish(reader, article("rpt-" + token(), unit, "健康宣传", title, "社区开展中医药文化进校园活动，师生共同参与。"));

        Mail mail = awaitMail(address, 2);
        assertThat(mail.subject()).isEqualTo("【Herald】" + title);
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.textType()).containsIgnoringCase("charset=UTF-8");
        assertThat(mail.htmlType()).containsIgnoringCase("charset=UTF-8");
        // published 2026-11-20T03:00Z, shown in the subscriber's zone (Asia/Shanghai by default)
        assertThat(mail.text()).contains(title, unit, "健康宣传", "2026年11月20日 11:00",
                "社区开展中医药文化进校园活动，师生共同参与。");
        assertThat(mail.html()).contains("中医药文化&lt;进校园&gt;&amp;传承", unit, "2026年11月20日 11:00",
                "社区开展中医药文化进校园活动，师生共同参与。").doesNotContain("<进校园>");
        InternetAddress from = (InternetAddress) mail.message().getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@herald.test");
        assertThat(from.getPersonal()).isEqualTo("Herald 通知");
        assertThat(mail.header("Message-ID")).endsWith("@herald.test>");
        // the server has the mail a moment before the dispatcher records it as sent and counts it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counted("herald.notifications", "channel", "email", "outcome", "delivered")).isEqualTo(delivered + 1));
        String noticeId = inbox(reader).get("notifications").get(0).get("id").asString();
        JsonNode deliveries = read(http.get().uri("/api/notifications/{id}/deliveries", noticeId)
                .with(TestTokens.subscriber(reader)).exchange()).get("deliveries");
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(d.get("url").asString()).isEqualTo("mailto:" + address);
            assertThat(d.get("subscriptionId").asString()).isEqualTo(id);
        });

        String unsubscribe = link(mail.text(), "/api/unsubscribe");
        assertThat(mail.html()).contains("href=\"" + unsubscribe + "\"");
        assertThat(mail.header("List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        // a mail scanner following the link with GET is shown a page and ends nothing
        assertThat(follow("GET", unsubscribe)).hasStatusOk().hasContentTypeCompatibleWith("text/html");
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))).hasStatusOk();
        // the mail client's one-click POST to the header's URL, RFC 8058
        assertThat(follow("POST", unsubscribe)).hasStatusOk();
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))).hasStatus(404);
    }

    @Test
    void aRedeliveredEventAndARepublishedArticleMakeNoSecondMail() {
        String reader = "reader-" + token();
        String address = address();
        String unit = "单位-" + token();
        String id = confirmedEmailSubscription(reader, address, """
                {"units":["%s"]}""".formatted(unit), null);
        String articleId = "rpt-" + token();
        String event = article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "第一版", "正文");

        publish(reader, event);
        publish(reader, event);
        publish(reader, article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "第二版", "正文")
                .replace("\"version\":1", "\"version\":2"));
        publish(reader, article("rpt-" + token(), unit, "党建动态", "之后的一篇", "正文"));

        // events sharing a key are handled in order, so once the last one's mail is owed the others were handled
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsOwed(id).size() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsOwed(id).stream()
                .allMatch(d -> "SENT".equals(d.getString("status"))));
        assertThat(mailsTo(address)).extracting(Mail::subject)
                .containsExactly("【Herald】请确认您的邮箱地址", "【Herald】第一版", "【Herald】之后的一篇");
    }

    @Test
    void whileTheSmtpServerIsDownMailsWaitAndAreRetriedAndTheServiceStaysHealthy() {
        String reader = "reader-" + token();
        String address = address();
        double retried = counted("herald.notifications.email.confirmations", "outcome", "retried");
        mailServer.stop();
        String id;
        try {
            id = subscribed(reader, """
                    {"filter":{"keywords":["%s"]},"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(token(), address));

            await().atMost(Duration.ofSeconds(30)).until(() -> mailsOwed(id).getFirst().getInteger("attemptCount") >= 2);
            Document waiting = mailsOwed(id).getFirst();
            assertThat(waiting.getString("status")).isEqualTo("PENDING");
            assertThat(waiting.getString("lastError")).containsIgnoringCase("connect");
            assertThat(counted("herald.notifications.email.confirmations", "outcome", "retried")).isGreaterThan(retried);
            assertThat(http.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        } finally {
            mailServer.restart();
        }

        assertThat(awaitMail(address, 1).subject()).isEqualTo("【Herald】请确认您的邮箱地址");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mailsOwed(id).getFirst().getString("status")));
    }

    @Test
    void aConfirmationOwedToAnAddressTheSubscriptionHasSinceLeftIsNeverSent() {
        String reader = "reader-" + token();
        String first = address();
        String second = address();
        String filter = "{\"keywords\":[\"" + token() + "\"]}";
        mailServer.stop();
        String id;
        try {
            id = subscribed(reader, """
                    {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(filter, first));
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsOwed(id).getFirst().getInteger("attemptCount") >= 1);
            assertThat(http.put().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))
                    .contentType("application/json").content("""
                            {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(filter, second)))
                    .hasStatusOk();
        } finally {
            mailServer.restart();
        }

        assertThat(awaitMail(second, 1).subject()).isEqualTo("【Herald】请确认您的邮箱地址");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsOwed(id).stream()
                .anyMatch(d -> first.equals(d.getString("to")) && "CANCELLED".equals(d.getString("status"))));
        assertThat(mailsTo(first)).isEmpty();
    }
}
