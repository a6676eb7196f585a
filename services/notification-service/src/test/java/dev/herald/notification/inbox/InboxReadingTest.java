package dev.herald.notification.inbox;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reading an inbox: unread first, marked read one by one or all at once; a unit's own inbox of outcomes. */
class InboxReadingTest extends ComponentTest {

    @Test
    void unreadNoticesComeFirstAndReadingOneMovesItBehind() {
        String reader = "读者-" + token();
        String unit = "已读测试单位-" + token();
        subscribed(reader, "{\"filter\":{\"units\":[\"" + unit + "\"]},\"delivery\":{\"type\":\"INBOX\"}}");
        for (String title : new String[]{"第一篇", "第二篇", "第三篇"}) {
            publish(unit, article("rpt-" + UUID.randomUUID(), unit, "党建动态", title, "正文。"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(reader).get("total").asInt() == 3);
        JsonNode before = inbox(reader);
        assertThat(before.get("unread").asInt()).isEqualTo(3);
        String newest = before.get("notifications").get(0).get("id").asString();

        assertThat(http.post().uri("/api/notifications/{id}/read", newest).with(TestTokens.subscriber(reader))).hasStatusOk()
                .bodyJson().extractingPath("$.read").isEqualTo(true);

        JsonNode after = inbox(reader);
        assertThat(after.get("unread").asInt()).isEqualTo(2);
        assertThat(after.get("notifications").get(2).get("id").asString()).isEqualTo(newest);
        assertThat(http.post().uri("/api/notifications/{id}/read", newest).with(TestTokens.subscriber("别人-" + token())))
                .hasStatus(404);
        assertThat(http.post().uri("/api/subscribers/{s}/notifications/read", reader).with(TestTokens.subscriber(reader)))
                .hasStatusOk().bodyJson().extractingPath("$.marked").isEqualTo(2);
        assertThat(inbox(reader).get("unread").asInt()).isZero();
    }

    @Test
    void aUnitHearsWhatBecameOfItsReportsWithoutSubscribing() {
        String unit = "结果测试单位-" + token();
        String published = "rpt-" + UUID.randomUUID();
        String rejected = "rpt-" + UUID.randomUUID();
        String returned = "rpt-" + UUID.randomUUID();
        String rejection = """
                {"eventId":"%s","when":"2026-11-20T04:00:00Z","articleId":"%s","unit":"%s","reason":"与本单位无关",
                 "moderator":"wang.fang","reasonCode":"OFF_TOPIC"}""".formatted(UUID.randomUUID(), rejected, unit);
        publish(unit, article(published, unit, "党建动态", "已发布的报道", "正文。"));
        kafka.publish("article-rejected", rejected, rejection, Map.of());
        kafka.publish("article-rejected", rejected, rejection, Map.of());
        kafka.publish("article-changes-requested", returned, """
                {"eventId":"%s","when":"2026-11-20T05:00:00Z","articleId":"%s","unit":"%s","revision":1,
                 "message":"请补充活动时间","moderator":"wang.fang"}""".formatted(UUID.randomUUID(), returned, unit), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> unitInbox(unit).get("total").asInt() >= 3);
        JsonNode inbox = unitInbox(unit);
        assertThat(inbox.get("total").asInt()).isEqualTo(3);
        assertThat(inbox.get("notifications").findValuesAsString("message"))
                .anySatisfy(m -> assertThat(m).contains("已发布"))
                .anySatisfy(m -> assertThat(m).contains("未通过审核", "与本单位无关"))
                .anySatisfy(m -> assertThat(m).contains("需要修改", "请补充活动时间"));
        assertThat(inbox.get("notifications").findValuesAsString("kind")).containsOnly("OUTCOME");
        assertThat(unitInbox("另一单位-" + token()).get("total").asInt()).isZero();
        assertThat(http.get().uri("/api/units/me/notifications").with(TestTokens.subscriber("读者"))).hasStatus(403);
    }

    private JsonNode unitInbox(String unit) {
        return read(http.get().uri("/api/units/me/notifications").with(TestTokens.unit(unit)).exchange());
    }
}
