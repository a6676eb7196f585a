package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.Notice;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import dev.herald.infra.embedded.WebhookReceiver.Call;
import dev.herald.notification.subscription.MatchedBy;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The webhook channel as the notifier and the digests use it, and what survives a dispatcher's restart. */
class WebhookChannelTest extends ComponentTest {

    @Autowired
    WebhookChannel channel;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    WebhookDeliveries messages;
    @Autowired
    SubscriptionService subscriptions;

    @Test
    void aDigestIsOneMessageCarryingEveryNoticeAndOwingItTwiceSendsItOnce() {
        String path = "/digests/" + token();
        String reader = "digest-" + token();
        Subscription subscription = subscription(reader, path, """
                ,"frequency":{"cadence":"HOURLY"}""");
        List<Notice> notices = List.of(notice("ntf-" + token(), "第一篇"), notice("ntf-" + token(), "第二篇"));
        String key = subscription.id() + "/2026-11-20T03:00Z";

        channel.deliver(subscription, notices, key);
        channel.deliver(subscription, notices, key);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.calls(path).size() == 1);
        Call call = receiver.calls(path).getFirst();
        assertThat(call.signatureValid()).isTrue();
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("type").asString()).isEqualTo("notification.digest");
        assertThat(body.get("data").get("notices").findValuesAsString("title")).containsExactly("第一篇", "第二篇");
        JsonNode listed = read(http.get().uri("/api/subscriptions/{id}/deliveries", subscription.id())
                .with(TestTokens.subscriber(reader)).exchange());
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("deliveries").get(0).get("notificationIds")).extracting(JsonNode::asString)
                .containsExactly(notices.get(0).notificationId(), notices.get(1).notificationId());
        assertThat(listed.get("deliveries").get(0).get("id").asString()).isEqualTo(call.webhookId());
    }

    @Test
    void messagesOwedWhileNoDispatcherRunsAndOnesLeftUnderAnExpiredLeaseAreSentAfterTheRestart() {
        String path = "/restart/" + token();
        Subscription subscription = subscription("restart-" + token(), path, "");
        Notice stored = notice("ntf-" + token(), "停机时到达");
        Notice leased = notice("ntf-" + token(), "发送中断");
        dispatcher.stop();
        try {
            channel.deliver(subscription, List.of(stored), stored.notificationId());
            channel.deliver(subscription, List.of(leased), leased.notificationId());
            // a dispatcher took this one and died mid-call: its lease runs out shortly
            Instant now = Instant.now();
            assertThat(messages.claim(WebhookMessage.idFor(leased.notificationId()), now, now.plusMillis(300), "dead"))
                    .isPresent();
            dispatcher.countBacklog();
            assertThat(meters.find(WebhookDispatcher.BACKLOG_METER).gauge().value()).isGreaterThanOrEqualTo(2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.calls(path).isEmpty());
        } finally {
            dispatcher.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).size() == 2);
        assertThat(receiver.calls(path)).extracting(Call::webhookId).containsExactlyInAnyOrder(
                WebhookMessage.idFor(stored.notificationId()), WebhookMessage.idFor(leased.notificationId()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                messages.find(WebhookMessage.idFor(leased.notificationId())).orElseThrow().status() == DeliveryStatus.DELIVERED);
    }

    private Subscription subscription(String reader, String path, String extra) {
        String id = subscribed(reader, """
                {"filter":{"units":["单位-%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}%s}"""
                .formatted(token(), receiver.url(path), extra));
        Subscription subscription = subscriptions.find(id).orElseThrow();
        receiver.expectSecret(path, subscription.delivery().secret());
        return subscription;
    }

    private static Notice notice(String id, String title) {
        return new Notice(id, "rpt-" + id, title, "单位", "党建动态", Instant.parse("2026-11-20T03:00:00Z"), "正文",
                new MatchedBy(null, "单位", null));
    }
}
