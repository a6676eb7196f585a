package dev.herald.notification.inbox;

import dev.herald.infra.embedded.EventDeliveries.Delivery;
import dev.herald.infra.embedded.Redelivery;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.WebhookReceiver.Call;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outcome that reaches notification again, under a new event id or after a crash that left no
 * processed record, tells each matching subscription once (one inbox notice, one webhook message id however
 * often it is tried) and the unit once.
 */
class ArticleOutcomeRedeliveryTest extends ComponentTest {


    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aPublicationDeliveredAgainIsOneNoticePerSubscriptionOneWebhookMessageAndOneWordToTheUnit(Redelivery how) {
        String unit = "单位-" + token();
        String reader = "reader-" + token();
        subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));
        String hookReader = "hook-" + token();
        String path = "/hooks/" + token();
        JsonNode hook = read(subscribe(hookReader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}}""".formatted(unit, receiver.url(path))));
        receiver.expectSecret(path, hook.get("delivery").get("secret").asString());
        String articleId = "rpt-" + token();
        Delivery publication = events.deliver(TOPIC, articleId, "notification.article-published",
                eventId -> article(eventId.toString(), articleId, unit, "党建动态", "主题党日活动", "正文"));

        events.redeliver(publication, how);

        assertThat(inbox(reader).get("total").asLong()).isEqualTo(1);
        JsonNode hookInbox = inbox(hookReader);
        assertThat(hookInbox.get("total").asLong()).isEqualTo(1);
        String hookNotice = hookInbox.get("notifications").get(0).get("id").asString();
        JsonNode deliveries = read(http.get().uri("/api/notifications/{id}/deliveries", hookNotice)
                .with(TestTokens.subscriber(hookReader)).exchange()).get("deliveries");
        assertThat(deliveries.size()).as("webhook messages owed for the notice").isEqualTo(1);
        String messageId = deliveries.get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).stream().anyMatch(Call::accepted));
        assertThat(receiver.calls(path)).extracting(Call::webhookId).containsOnly(messageId);
        assertThat(unitInbox(unit).get("total").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRejectionDeliveredAgainTellsTheUnitOnce(Redelivery how) {
        String unit = "单位-" + token();
        String articleId = "rpt-" + token();
        Delivery rejection = events.deliver("article-rejected", articleId, "notification.article-rejected", eventId -> """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","unit":"%s","reason":"含有网页导航",
                 "moderator":"wang.fang","reasonCode":"OTHER"}""".formatted(eventId, articleId, unit));

        events.redeliver(rejection, how);

        JsonNode inbox = unitInbox(unit);
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("notifications").get(0).get("message").asString()).contains("含有网页导航");
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRequestForChangesDeliveredAgainTellsTheUnitOnceAndTheNextRevisionsRequestIsToldToo(Redelivery how) {
        String unit = "单位-" + token();
        String articleId = "rpt-" + token();
        Delivery first = changesRequested(articleId, unit, 1, "请补充活动时间");

        events.redeliver(first, how);
        changesRequested(articleId, unit, 2, "请删去网站导航");

        assertThat(unitInbox(unit).get("notifications").findValuesAsString("message"))
                .containsExactlyInAnyOrder("需要修改(第1稿):请补充活动时间", "需要修改(第2稿):请删去网站导航");
    }

    private Delivery changesRequested(String articleId, String unit, int revision, String message) {
        return events.deliver("article-changes-requested", articleId, "notification.article-changes-requested", eventId -> """
                {"eventId":"%s","when":"2026-11-20T0%d:00:00Z","articleId":"%s","unit":"%s","revision":%d,
                 "message":"%s","moderator":"wang.fang"}""".formatted(eventId, revision, articleId, unit, revision, message));
    }

    private JsonNode unitInbox(String unit) {
        return read(http.get().uri("/api/units/me/notifications").with(TestTokens.unit(unit)).exchange());
    }
}
