package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryLatency;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import dev.herald.infra.embedded.WebhookReceiver.Answer;
import dev.herald.infra.embedded.WebhookReceiver.Call;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: an article published on Kafka becomes a signed Standard Webhooks call to a real
 * receiver, which checks every signature itself. The schedule here is 0 s, 150 ms, 300 ms, 300 ms: four
 * attempts.
 */
class WebhookDeliveryTest extends ComponentTest {

    record Hook(String reader, String unit, String path, String subscription, String secret) {
    }

    @Test
    void aNoticeArrivesSignedWithStandardWebhooksHeadersAndTheDocumentedPayload() {
        Hook hook = webhook();
        String articleId = "rpt-" + token();

        publish(hook.reader(), article(articleId, hook.unit(), "党建动态", "主题党日活动", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(hook.path()).size() == 1);
        Call call = receiver.calls(hook.path()).getFirst();
        assertThat(call.signatureValid()).as("signature checked by the receiver").isTrue();
        assertThat(call.webhookId()).startsWith("msg_");
        assertThat(call.signature()).startsWith("v1,");
        assertThat(call.contentType()).isEqualTo("application/json");

        String noticeId = inbox(hook.reader()).get("notifications").get(0).get("id").asString();
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("type").asString()).isEqualTo("notification.created");
        JsonNode data = body.get("data");
        assertThat(data.get("subscriptionId").asString()).isEqualTo(hook.subscription());
        assertThat(data.get("subscriber").asString()).isEqualTo(hook.reader());
        assertThat(data.get("notices").size()).isEqualTo(1);
        JsonNode notice = data.get("notices").get(0);
        assertThat(notice.get("notificationId").asString()).isEqualTo(noticeId);
        assertThat(notice.get("articleId").asString()).isEqualTo(articleId);
        assertThat(notice.get("title").asString()).isEqualTo("主题党日活动");
        assertThat(notice.get("unit").asString()).isEqualTo(hook.unit());
        assertThat(notice.get("channel").asString()).isEqualTo("党建动态");
        assertThat(notice.get("publishedAt").asString()).isEqualTo("2026-11-20T03:00:00Z");
        assertThat(notice.get("snippet").asString()).isEqualTo("正文");
        assertThat(notice.get("matchedBy").get("unit").asString()).isEqualTo(hook.unit());

        JsonNode delivery = awaitDelivery(hook.reader(), noticeId, "DELIVERED");
        assertThat(delivery.get("id").asString()).isEqualTo(call.webhookId());
        assertThat(delivery.get("url").asString()).isEqualTo(receiver.url(hook.path()));
        assertThat(delivery.get("attempts").size()).isEqualTo(1);
        assertThat(delivery.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(200);
        // the signature covers the attempt's own time; the payload keeps when the notice was owed
        assertThat(call.timestamp()).isEqualTo(Long.toString(instant(delivery.get("attempts").get(0).get("at")).getEpochSecond()));
        assertThat(instant(body.get("timestamp"))).isEqualTo(instant(delivery.get("createdAt")));

        // the payload's link ends the subscription without a login, by POST (a GET only asks)
        URI unsubscribe = URI.create(data.get("unsubscribeUrl").asString());
        assertThat(http.post().uri(unsubscribe.getPath() + "?" + unsubscribe.getRawQuery())).hasStatusOk();
        assertThat(http.get().uri("/api/subscriptions/{id}", hook.subscription()).with(TestTokens.subscriber(hook.reader())))
                .hasStatus(404);
    }

    @Test
    void aReceiverFailingItsFirstTwoCallsGetsTheNoticeExactlyOnceUnderOneWebhookId() {
        Hook hook = webhook();
        receiver.failFirst(hook.path(), 2);
        double retried = counted("herald.notifications", "channel", "webhook", "outcome", "retried");
        double delivered = counted("herald.notifications", "channel", "webhook", "outcome", "delivered");
        long latencies = latencyCount();

        publish(hook.reader(), article("rpt-" + token(), hook.unit(), "党建动态", "重试", "正文"));

        String noticeId = awaitNotice(hook.reader());
        JsonNode delivery = awaitDelivery(hook.reader(), noticeId, "DELIVERED");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
        // nothing more comes once it is delivered: the dispatcher lists what is due to send a later notice, alone
        String later = deliver(hook, "之后的一篇");
        awaitDelivery(hook.reader(), later, "DELIVERED");
        var calls = receiver.calls(hook.path()).stream().filter(c -> c.webhookId().equals(delivery.get("id").asString())).toList();
        assertThat(calls).extracting(Call::answeredWith).containsExactly(500, 500, 200);
        assertThat(calls).filteredOn(Call::accepted).hasSize(1);
        assertThat(calls).extracting(Call::webhookId).containsOnly(delivery.get("id").asString());
        assertThat(calls).extracting(Call::body).containsOnly(calls.getFirst().body());
        assertThat(calls).allMatch(Call::signatureValid, "signed");
        assertThat(receiver.calls(hook.path())).hasSize(4);
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "retried")).isGreaterThanOrEqualTo(retried + 2);
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "delivered")).isGreaterThanOrEqualTo(delivered + 1);
        assertThat(latencyCount()).isGreaterThanOrEqualTo(latencies + 1);
        Timer calls500 = meters.find(WebhookClient.LATENCY_METER).tag("outcome", "failure").timer();
        assertThat(calls500).isNotNull();
        assertThat(calls500.count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void retryAfterPutsTheNextAttemptBackBeyondTheSchedule() {
        Hook hook = webhook();
        receiver.answerFirst(hook.path(), Answer.of(503).retryAfter("3600"));

        String deferred = deliver(hook, "稍后再试");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(hook.reader(), deferred).get("attempts").size() == 1);
        JsonNode waiting = delivery(hook.reader(), deferred);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(503);
        // the schedule alone would have come back 150 ms after the attempt, the receiver asked for an hour
        assertThat(instant(waiting.get("nextAttemptAt")))
                .isAfterOrEqualTo(instant(waiting.get("attempts").get(0).get("at")).plusSeconds(3600));
        // and it is kept to: the dispatcher sends a later notice to the same endpoint and leaves this one waiting
        String later = deliver(hook, "之后的一篇");
        awaitDelivery(hook.reader(), later, "DELIVERED");
        assertThat(delivery(hook.reader(), deferred).get("attempts").size()).isEqualTo(1);
        assertThat(receiver.calls(hook.path())).extracting(Call::answeredWith).containsExactly(503, 200);
    }

    @Test
    void a410GoneDisablesTheSubscriptionSaysWhyAndStopsFurtherCalls() {
        Hook hook = webhook();
        receiver.answerAfterwards(hook.path(), Answer.of(410));

        publish(hook.reader(), article("rpt-" + token(), hook.unit(), "党建动态", "端点已下线", "正文"));

        JsonNode delivery = awaitDelivery(hook.reader(), awaitNotice(hook.reader()), "FAILED");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(delivery.get("statusReason").asString()).contains("410");
        JsonNode subscription = subscription(hook);
        assertThat(subscription.get("status").asString()).isEqualTo("DISABLED");
        assertThat(subscription.get("statusReason").asString()).contains("410 Gone");

        String later = deliver(hook, "之后的文章");
        assertThat(delivery(hook.reader(), later)).as("nothing owed to a disabled endpoint").isNull();
        assertThat(receiver.calls(hook.path())).hasSize(1);
    }

    @Test
    void anEndpointFailingTheWholeScheduleFailsTheMessageDisablesTheSubscriptionAndAReplayDeliversIt() {
        Hook hook = webhook();
        receiver.answerAfterwards(hook.path(), Answer.of(500));
        double failed = counted("herald.notifications", "channel", "webhook", "outcome", "failed");

        publish(hook.reader(), article("rpt-" + token(), hook.unit(), "党建动态", "一直失败", "正文"));

        String noticeId = awaitNotice(hook.reader());
        JsonNode delivery = awaitDelivery(hook.reader(), noticeId, "FAILED");
        String messageId = delivery.get("id").asString();
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(4);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        assertThat(delivery.get("statusReason").asString()).contains("gave up after 4 attempts").contains("HTTP 500");
        assertThat(receiver.calls(hook.path())).hasSize(4);
        assertThat(counted("herald.notifications", "channel", "webhook", "outcome", "failed")).isEqualTo(failed + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> subscription(hook).get("status").asString().equals("DISABLED"));
        assertThat(subscription(hook).get("statusReason").asString()).contains("every call to the webhook endpoint failed");

        JsonNode listed = read(listDeliveries(hook.reader(), hook.subscription(), "FAILED"));
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("deliveries").get(0).get("id").asString()).isEqualTo(messageId);
        assertThat(listed.get("deliveries").get(0).get("notificationIds").get(0).asString()).isEqualTo(noticeId);
        assertThat(listDeliveries("someone-" + token(), hook.subscription(), "FAILED")).hasStatus(404);
        assertThat(listDeliveries(hook.reader(), hook.subscription(), "LOST")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");

        // a disabled subscription is resumed first; until then a replay would only fail again
        assertThat(replay(hook.reader(), messageId)).hasStatus(409);
        assertThat(http.post().uri("/api/subscriptions/{id}/resume", hook.subscription())
                .with(TestTokens.subscriber(hook.reader()))).hasStatusOk();
        receiver.answerAfterwards(hook.path(), Answer.of(204));
        assertThat(replay("someone-" + token(), messageId)).hasStatus(404);

        MvcTestResult replayed = replay(hook.reader(), messageId);

        assertThat(replayed).hasStatus(202);
        assertThat(read(replayed).get("status").asString()).isEqualTo("PENDING");
        JsonNode after = awaitDelivery(hook.reader(), noticeId, "DELIVERED");
        assertThat(after.get("replays").asInt()).isEqualTo(1);
        assertThat(after.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(after.get("attempts").size()).isEqualTo(5);
        var calls = receiver.calls(hook.path());
        assertThat(calls).hasSize(5);
        assertThat(calls.getLast().answeredWith()).isEqualTo(204);
        assertThat(calls.getLast().webhookId()).isEqualTo(messageId);
        assertThat(calls.getLast().body()).isEqualTo(calls.getFirst().body());
        assertThat(calls.getLast().signatureValid()).isTrue();
        assertThat(replay(hook.reader(), messageId)).hasStatus(409);
        assertThat(read(listDeliveries(hook.reader(), hook.subscription(), "FAILED")).get("total").asLong()).isZero();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeCountsAsAFailedAttempt() {
        Hook hook = webhook();
        receiver.stallFirst(hook.path(), 1, Duration.ofMillis(1500));

        publish(hook.reader(), article("rpt-" + token(), hook.unit(), "党建动态", "超时", "正文"));

        JsonNode attempts = awaitDelivery(hook.reader(), awaitNotice(hook.reader()), "DELIVERED").get("attempts");
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

        String noticeId = awaitNotice(reader);
        assertThat(http.get().uri("/api/notifications/{id}/deliveries", noticeId)
                .with(TestTokens.subscriber(reader))).hasStatusOk()
                .bodyJson().extractingPath("$.deliveries").asArray().isEmpty();
    }

    @Test
    void deletingTheSubscriptionCancelsItsPendingDelivery() {
        Hook hook = webhook();
        receiver.answerAfterwards(hook.path(), Answer.of(500));

        publish(hook.reader(), article("rpt-" + token(), hook.unit(), "党建动态", "取消", "正文"));
        String noticeId = awaitNotice(hook.reader());
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.calls(hook.path()).isEmpty());
        assertThat(http.delete().uri("/api/subscriptions/{id}", hook.subscription())
                .with(TestTokens.subscriber(hook.reader()))).hasStatus(204);

        JsonNode delivery = awaitDelivery(hook.reader(), noticeId, "CANCELLED");
        assertThat(delivery.get("attemptCount").asInt()).isLessThan(4);
        assertThat(delivery.get("statusReason").asString()).contains("deleted");
        // a call already under way when the subscription went may still land; none may start afterwards
        int settled = await().pollDelay(Duration.ofMillis(300)).until(() -> receiver.calls(hook.path()).size(), n -> true);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.calls(hook.path()).size() == settled);
    }

    @Test
    void aWebhookUrlIntoThePrivateNetworkIsRefusedWhenSubscribing() {
        for (String url : new String[]{"http://10.1.2.3/hook", "http://192.168.1.20:8080/hook", "http://169.254.169.254/latest",
                "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://[::ffff:10.0.0.1]/hook"}) {
            MvcTestResult result = subscribe("reader-" + token(), """
                    {"filter":{"units":["单位"]},"delivery":{"type":"WEBHOOK","url":"%s"}}""".formatted(url));

            assertThat(result).as(url).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        }
    }

    private Hook webhook() {
        String reader = "hook-" + token();
        String unit = "单位-" + token();
        String path = "/hooks/" + token();
        MvcTestResult created = subscribe(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}}"""
                .formatted(unit, receiver.url(path)));
        assertThat(created).hasStatus(201);
        JsonNode subscription = read(created);
        String secret = subscription.get("delivery").get("secret").asString();
        receiver.expectSecret(path, secret);
        return new Hook(reader, unit, path, subscription.get("id").asString(), secret);
    }

    /**
     * Publishes an article for the hook and returns its notice once the consumer is done with it, so
     * whatever the notice is owed has been stored by then.
     */
    private String deliver(Hook hook, String title) {
        String articleId = "rpt-" + token();
        events.deliver(TOPIC, articleId, "notification.article-published",
                eventId -> article(eventId.toString(), articleId, hook.unit(), "党建动态", title, "正文"));
        for (JsonNode notice : inbox(hook.reader()).get("notifications")) {
            if (articleId.equals(notice.get("articleId").asString())) {
                return notice.get("id").asString();
            }
        }
        throw new AssertionError("no notice of " + articleId + " for " + hook.reader());
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private JsonNode subscription(Hook hook) {
        return read(http.get().uri("/api/subscriptions/{id}", hook.subscription()).with(TestTokens.subscriber(hook.reader())).exchange());
    }

    /** The reader's article notice; a word that the endpoint was switched off may sit beside it in the inbox. */
    private String awaitNotice(String reader) {
        await().atMost(Duration.ofSeconds(30)).until(() -> articleNotice(reader) != null);
        return articleNotice(reader);
    }

    private String articleNotice(String reader) {
        for (JsonNode notice : inbox(reader).get("notifications")) {
            if ("ARTICLE".equals(notice.get("kind").asString())) {
                return notice.get("id").asString();
            }
        }
        return null;
    }

    private MvcTestResult listDeliveries(String reader, String subscription, String status) {
        return http.get().uri("/api/subscriptions/{id}/deliveries?status={s}", subscription, status)
                .with(TestTokens.subscriber(reader)).exchange();
    }

    private MvcTestResult replay(String reader, String messageId) {
        return http.post().uri("/api/deliveries/{id}/replay", messageId).with(TestTokens.subscriber(reader)).exchange();
    }

    private long latencyCount() {
        Timer timer = meters.find(DeliveryLatency.METER).tag("channel", "webhook").timer();
        return timer == null ? 0 : timer.count();
    }

    private JsonNode awaitDelivery(String reader, String noticeId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode delivery = delivery(reader, noticeId);
            return delivery != null && status.equals(delivery.get("status").asString());
        });
        return delivery(reader, noticeId);
    }

    /** The notice's one webhook delivery, or null while the channel has not stored it yet. */
    private JsonNode delivery(String reader, String noticeId) {
        JsonNode deliveries = read(http.get().uri("/api/notifications/{id}/deliveries", noticeId)
                .with(TestTokens.subscriber(reader)).exchange()).get("deliveries");
        assertThat(deliveries.size()).isLessThanOrEqualTo(1);
        return deliveries.isEmpty() ? null : deliveries.get(0);
    }
}
