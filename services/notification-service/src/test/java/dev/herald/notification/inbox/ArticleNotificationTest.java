package dev.herald.notification.inbox;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ArticleNotificationTest extends ComponentTest {

    private static final RequestPostProcessor ANYONE = TestTokens.subscriber("anyone");

    @Test
    void keywordSubscriptionGetsOneNoticeForAMatchingArticleAndNoneForOthers() {
        String reader = "reader-" + token();
        String subscription = subscribed(reader, """
                {"filter":{"keywords":["中医"]},"delivery":{"type":"INBOX"}}""");
        String unrelated = "rpt-" + token();
        String matching = "rpt-" + token();

        publish(reader, article(unrelated, "朝阳区卫生健康委", "健康宣传", "健康宣传周启动", "社区义诊服务居民。"));
        publish(reader, article(matching, "某市卫生健康委", "健康宣传", "推广传统医学", "社区开展中医药文化进校园活动。"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() > 0);
        JsonNode inbox = inbox(reader);
        assertThat(inbox.get("subscriber").asString()).isEqualTo(reader);
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        JsonNode notice = inbox.get("notifications").get(0);
        assertThat(notice.get("articleId").asString()).isEqualTo(matching);
        assertThat(notice.get("subscriptionId").asString()).isEqualTo(subscription);
        assertThat(notice.get("title").asString()).isEqualTo("推广传统医学");
        assertThat(notice.get("unit").asString()).isEqualTo("某市卫生健康委");
        assertThat(notice.get("channel").asString()).isEqualTo("健康宣传");
        assertThat(notice.get("publishedAt").asString()).isEqualTo("2026-11-20T03:00:00Z");
        assertThat(notice.get("matchedBy").get("keyword").asString()).isEqualTo("中医");
        assertThat(notice.get("createdAt").asString()).isNotBlank();
        assertThat(http.get().uri("/api/notifications/{id}", notice.get("id").asString())
                .with(TestTokens.subscriber(reader))).hasStatusOk()
                .bodyJson().extractingPath("$.articleId").isEqualTo(matching);
    }

    @Test
    void channelAndUnitCriteriaMustBothHoldWhileAnyValueOfEachWillDo() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        String channel = "党建-" + token();
        subscribed(reader, """
                {"filter":{"channels":["%s","频道-%s"],"units":["%s"]},"delivery":{"type":"INBOX"}}"""
                .formatted(channel, token(), unit));
        String both = "rpt-" + token();

        publish(reader, article("rpt-" + token(), "别的单位", channel, "只有频道对", "正文"));
        publish(reader, article("rpt-" + token(), unit, "别的频道", "只有单位对", "正文"));
        publish(reader, article(both, unit, channel, "频道和单位都对", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() > 0);
        JsonNode inbox = inbox(reader);
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        JsonNode matchedBy = inbox.get("notifications").get(0).get("matchedBy");
        assertThat(inbox.get("notifications").get(0).get("articleId").asString()).isEqualTo(both);
        assertThat(matchedBy.get("channel").asString()).isEqualTo(channel);
        assertThat(matchedBy.get("unit").asString()).isEqualTo(unit);
        assertThat(matchedBy.get("keyword").isNull()).isTrue();
    }

    @Test
    void aRedeliveredEventAndARepublishedArticleLeaveExactlyOneNotice() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        String markerReader = "marker-" + token();
        String markerUnit = "单位-" + token();
        subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));
        subscribed(markerReader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(markerUnit));
        String articleId = "rpt-" + token();
        String event = article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "第一版", "正文");
        double duplicatesBefore = counted("herald.events.consumed",
                "consumer", "notification.article-published", "outcome", "duplicate");
        double createdBefore = counted("herald.notifications", "channel", "inbox", "outcome", "created");
        long notifiedBefore = notifiedArticles();

        publish(reader, event);
        publish(reader, event);
        publish(reader, article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "第二版", "正文")
                .replace("\"version\":1", "\"version\":2"));
        publish(reader, article("rpt-" + token(), markerUnit, "党建动态", "标记", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(markerReader).get("total").asLong() == 1);
        JsonNode inbox = inbox(reader);
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("notifications").get(0).get("title").asString()).isEqualTo("第一版");
        assertThat(counted("herald.events.consumed", "consumer", "notification.article-published", "outcome", "duplicate"))
                .isGreaterThan(duplicatesBefore);
        assertThat(counted("herald.notifications", "channel", "inbox", "outcome", "created"))
                .isEqualTo(createdBefore + 2);
        // the two articles' first notices are timed from their publication; the redelivery and the republication are not
        await().atMost(Duration.ofSeconds(30)).until(() -> notifiedArticles() >= notifiedBefore + 2);
        assertThat(notifiedArticles()).isEqualTo(notifiedBefore + 2);
    }

    private long notifiedArticles() {
        var timer = meters.find("herald.pipeline.decision-to-notified").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void theInboxPagesNewestFirstAndCountsEverything() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));
        for (int i = 1; i <= 3; i++) {
            publish(reader, article("rpt-" + token(), unit, "党建动态", "第" + i + "篇", "正文"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 3);

        JsonNode first = read(http.get().uri("/api/subscribers/{s}/notifications?page=0&size=2", reader)
                .with(TestTokens.subscriber(reader)).exchange());
        JsonNode second = read(http.get().uri("/api/subscribers/{s}/notifications?page=1&size=2", reader)
                .with(TestTokens.subscriber(reader)).exchange());

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("notifications").size()).isEqualTo(2);
        assertThat(second.get("notifications").size()).isEqualTo(1);
        List<String> createdAt = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("notifications").forEach(n -> {
                createdAt.add(n.get("createdAt").asString());
                ids.add(n.get("id").asString());
            });
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
        assertThat(createdAt.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void inboxPagingOutsideTheLimitsIsABadRequest() {
        assertThat(http.get().uri("/api/subscribers/anyone/notifications?size=1000").with(ANYONE)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(http.get().uri("/api/subscribers/anyone/notifications?page=-1").with(ANYONE)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        assertThat(http.get().uri("/api/subscribers/anyone/notifications?page=x").with(ANYONE)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void anEventBreakingTheContractIsParkedOnTheDeadLetterTopicAndLaterEventsStillFlow() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));
        String broken = "{\"eventId\":\"%s\",\"articleId\":\"%s\",\"unit\":\"%s\"}".formatted(UUID.randomUUID(), reader, unit);

        publish(reader, broken);
        publish(reader, article("rpt-" + token(), unit, "党建动态", "之后的文章", "正文"));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 1);
        List<ConsumerRecord<String, String>> parked = kafka.awaitRecords("article-published.notification-service.dlq",
                seen -> seen.stream().anyMatch(r -> broken.equals(r.value())), Duration.ofSeconds(20));
        assertThat(parked).anyMatch(r -> broken.equals(r.value()));
    }

    @Test
    void unknownNotificationIs404Problem() {
        assertThat(http.get().uri("/api/notifications/{id}", "ntf-nope").with(ANYONE)).hasStatus(404)
                .hasContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().uri("/api/notifications/{id}/deliveries", "ntf-nope").with(ANYONE)).hasStatus(404);
    }
}
