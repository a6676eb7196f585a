package dev.herald.notification.delivery;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import dev.herald.notification.WebhookReceiver.Call;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest extends ComponentTest {

    @Test
    void webhookReceivesTheArticleWithTheNotificationIdAndTheInboxKeepsTheNoticeToo() {
        String path = "/hooks/" + token();
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        String subscription = webhookSubscription(reader, unit, path);
        String articleId = "rpt-" + token();

        publish(reader, article(articleId, unit, "党建动态", "主题党日活动", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).size() == 1);
        Call call = receiver.calls(path).getFirst();
        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        assertThat(call.webhookId()).isEqualTo(notificationId);
        assertThat(call.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("notificationId").asString()).isEqualTo(notificationId);
        assertThat(body.get("subscriptionId").asString()).isEqualTo(subscription);
        assertThat(body.get("subscriber").asString()).isEqualTo(reader);
        assertThat(body.get("article").get("id").asString()).isEqualTo(articleId);
        assertThat(body.get("article").get("title").asString()).isEqualTo("主题党日活动");
        assertThat(body.get("article").get("unit").asString()).isEqualTo(unit);
        assertThat(body.get("article").get("channel").asString()).isEqualTo("党建动态");
        assertThat(body.get("article").get("publishedAt").asString()).isEqualTo("2026-11-20T03:00:00Z");

        JsonNode delivery = awaitDelivery(reader, notificationId, "DELIVERED");
        assertThat(delivery.get("url").asString()).isEqualTo(receiver.url(path));
        assertThat(delivery.get("attempts").size()).isEqualTo(1);
        assertThat(delivery.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void aReceiverFailingTwiceIsRetriedWithGrowingBackOffUntilDelivered() {
        String path = "/hooks/" + token();
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        receiver.failFirst(path, 2);
        webhookSubscription(reader, unit, path);
        double retriedBefore = counted("herald.notifications", "channel", "webhook", "outcome", "retried");
        double deliveredBefore = counted("herald.notifications", "channel", "webhook", "outcome", "delivered");

        publish(reader, article("rpt-" + token(), unit, "党建动态", "重试", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);
        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        JsonNode delivery = awaitDelivery(reader, notificationId, "DELIVERED");
        JsonNode attempts = delivery.get("attempts");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(List.of(attempts.get(0).get("httpStatus").asInt(), attempts.get(1).get("httpStatus").asInt(),
                attempts.get(2).get("httpStatus").asInt())).containsExactly(500, 500, 200);

        List<Call> calls = receiver.calls(path);
        assertThat(calls).extracting(Call::answeredWith).containsExactly(500, 500, 200);
        assertThat(calls).extracting(Call::webhookId).containsOnly(notificationId);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "retried"))
                .isGreaterThanOrEqualTo(retriedBefore + 2);
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "delivered"))
                .isGreaterThanOrEqualTo(deliveredBefore + 1);
        Timer latency = meters.find("herald.notifications.webhook.latency").tag("outcome", "failure").timer();
        assertThat(latency).isNotNull();
        assertThat(latency.count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReceiverThatNeverSucceedsIsGivenUpAfterTheMaximumAttempts() {
        String path = "/hooks/" + token();
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        receiver.failFirst(path, 100);
        webhookSubscription(reader, unit, path);
        double failedBefore = counted("herald.notifications", "channel", "webhook", "outcome", "failed");

        publish(reader, article("rpt-" + token(), unit, "党建动态", "放弃", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);
        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        JsonNode delivery = awaitDelivery(reader, notificationId, "FAILED");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(4);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        assertThat(delivery.get("completedAt").asString()).isNotBlank();
        assertThat(receiver.calls(path)).hasSize(4);
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "failed"))
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeCountsAsAFailedAttempt() {
        String path = "/hooks/" + token();
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        receiver.stallFirst(path, 1, Duration.ofMillis(1500));
        webhookSubscription(reader, unit, path);

        publish(reader, article("rpt-" + token(), unit, "党建动态", "超时", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);
        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        JsonNode attempts = awaitDelivery(reader, notificationId, "DELIVERED").get("attempts");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).get("httpStatus").isNull()).isTrue();
        assertThat(attempts.get(0).get("error").asString()).contains("timed out");
        assertThat(attempts.get(1).get("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void inboxOnlyNotificationsHaveNoWebhookDeliveries() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));

        publish(reader, article("rpt-" + token(), unit, "党建动态", "只进收件箱", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);
        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        assertThat(http.get().uri("/api/notifications/{id}/deliveries", notificationId)
                .with(TestTokens.subscriber(reader))).hasStatusOk()
                .bodyJson().extractingPath("$.deliveries").asArray().isEmpty();
    }

    @Test
    void deletingTheSubscriptionCancelsItsPendingDelivery() {
        String path = "/hooks/" + token();
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        receiver.failFirst(path, 100);
        String subscription = webhookSubscription(reader, unit, path);

        publish(reader, article("rpt-" + token(), unit, "党建动态", "取消", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.calls(path).isEmpty());
        assertThat(http.delete().uri("/api/subscriptions/{id}", subscription).with(TestTokens.subscriber(reader)))
                .hasStatus(204);

        String notificationId = inbox(reader).get("notifications").get(0).get("id").asString();
        JsonNode delivery = awaitDelivery(reader, notificationId, "CANCELLED");
        assertThat(delivery.get("attemptCount").asInt()).isLessThan(4);
        // a call already under way when the subscription went may still land; none may start afterwards
        int callsSettled = await().pollDelay(Duration.ofMillis(300)).until(() -> receiver.calls(path).size(), n -> true);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.calls(path).size() == callsSettled);
    }

    private String webhookSubscription(String reader, String unit, String path) {
        return subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}}"""
                .formatted(unit, receiver.url(path)));
    }

    private JsonNode awaitDelivery(String reader, String notificationId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(delivery(reader, notificationId).get("status").asString()));
        return delivery(reader, notificationId);
    }

    private JsonNode delivery(String reader, String notificationId) {
        JsonNode deliveries = read(http.get().uri("/api/notifications/{id}/deliveries", notificationId)
                .with(TestTokens.subscriber(reader)).exchange()).get("deliveries");
        assertThat(deliveries.size()).isEqualTo(1);
        return deliveries.get(0);
    }
}
