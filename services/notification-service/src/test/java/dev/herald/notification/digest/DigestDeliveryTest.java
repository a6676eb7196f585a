package dev.herald.notification.digest;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.MailComponentTest;
import dev.herald.notification.TestMailServer.Mail;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

class DigestDeliveryTest extends MailComponentTest {

    private static final String HOURLY = "{\"cadence\":\"HOURLY\"}";

    @Test
    void anHourlySubscriberIsMailedOnceForThreeArticlesWhenTheHourEnds() {
        String reader = "reader-" + token();
        String address = address();
        String unit = "单位-" + token();
        String id = confirmedEmailSubscription(reader, address, "{\"units\":[\"" + unit + "\"]}", HOURLY);
        double sent = counted(DigestScheduler.METER, "channel", "email", "outcome", "sent");

        for (String title : List.of("第一篇", "第二篇", "第三篇")) {
            publish(reader, article("rpt-" + token(), unit, "党建动态", title, title + "的正文"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(reader).get("total").asLong() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(id).size() == 3);
        assertThat(mailsOwed(id)).extracting(d -> d.getString("kind")).containsExactly("CONFIRMATION");

        clock.advance(PAST_THE_HOUR);

        Mail digest = awaitMail(address, 2);
        assertThat(digest.subject()).isEqualTo("【Herald】3 篇新报道");
        assertThat(digest.contentType()).startsWith("multipart/alternative");
        assertThat(digest.text()).contains("第一篇", "第一篇的正文", "第二篇", "第三篇的正文", unit, "2026年11月20日 11:00");
        assertThat(digest.html()).contains("第一篇", "第二篇", "第三篇");
        assertThat(digest.header("List-Unsubscribe")).contains("/api/unsubscribe?token=");
        Document owed = mailsOwed(id).stream().filter(d -> "NOTICES".equals(d.getString("kind"))).findFirst().orElseThrow();
        assertThat(owed.getString("_id")).startsWith("digest:" + id + ":");
        assertThat(owed.getInteger("noticeCount")).isEqualTo(3);
        assertThat(windows(id)).singleElement().satisfies(w -> {
            assertThat(w.getString("status")).isEqualTo("SENT");
            assertThat(w.getInteger("noticeCount")).isEqualTo(3);
        });
        assertThat(counted(DigestScheduler.METER, "channel", "email", "outcome", "sent")).isEqualTo(sent + 1);
        assertThat(mailsTo(address)).hasSize(2);
    }

    @Test
    void anArticleAlreadySentInADigestIsNotSentInTheNextOneWhenItsEventComesAgain() {
        String reader = "reader-" + token();
        String address = address();
        String unit = "单位-" + token();
        String id = confirmedEmailSubscription(reader, address, "{\"units\":[\"" + unit + "\"]}", HOURLY);
        String articleId = "rpt-" + token();
        String event = article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "已经发过的", "正文");
        publish(reader, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id).size() == 1);
        clock.advance(PAST_THE_HOUR);
        assertThat(awaitMail(address, 2).subject()).isEqualTo("【Herald】已经发过的");

        publish(reader, event);
        publish(reader, article(UUID.randomUUID().toString(), articleId, unit, "党建动态", "已经发过的（修订）", "正文")
                .replace("\"version\":1", "\"version\":2"));
        publish(reader, article("rpt-" + token(), unit, "党建动态", "新的一篇", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id).size() == 2);
        clock.advance(PAST_THE_HOUR);

        Mail next = awaitMail(address, 3);
        assertThat(next.subject()).isEqualTo("【Herald】新的一篇");
        assertThat(next.text()).doesNotContain("已经发过的");
        await().atMost(Duration.ofSeconds(10)).until(() -> windows(id).stream()
                .allMatch(w -> "SENT".equals(w.getString("status"))));
        assertThat(windows(id)).hasSize(2);
        assertThat(mailsTo(address)).hasSize(3);
    }

    @Test
    void aPausedSubscriptionsWindowIsDroppedAndNothingIsSent() {
        String reader = "reader-" + token();
        String address = address();
        String unit = "单位-" + token();
        String id = confirmedEmailSubscription(reader, address, "{\"units\":[\"" + unit + "\"]}", HOURLY);
        publish(reader, article("rpt-" + token(), unit, "党建动态", "暂停之前", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id).size() == 1);

        assertThat(http.post().uri("/api/subscriptions/{id}/pause", id).with(TestTokens.subscriber(reader)))
                .hasStatusOk();
        clock.advance(PAST_THE_HOUR);

        await().atMost(Duration.ofSeconds(10)).until(() -> windows(id).stream()
                .anyMatch(w -> "DROPPED".equals(w.getString("status"))));
        assertThat(windows(id).getFirst().getString("reason")).contains("PAUSED");
        assertThat(mailsOwed(id)).extracting(d -> d.getString("kind")).containsExactly("CONFIRMATION");
        assertThat(mailsTo(address)).hasSize(1);
    }

    @Test
    void aWebhookSubscriberGetsOneCallForTheWholeWindow() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        String path = "/hooks/" + token();
        String id = subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"WEBHOOK","url":"%s"},"frequency":%s}"""
                .formatted(unit, receiver.url(path), HOURLY));
        publish(reader, article("rpt-" + token(), unit, "党建动态", "一", "正文"));
        publish(reader, article("rpt-" + token(), unit, "党建动态", "二", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id).size() == 2);
        assertThat(receiver.calls(path)).isEmpty();

        clock.advance(PAST_THE_HOUR);

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.calls(path).isEmpty());
        assertThat(windows(id)).singleElement().satisfies(w -> {
            assertThat(w.getString("status")).isEqualTo("SENT");
            assertThat(w.getInteger("noticeCount")).isEqualTo(2);
        });
        assertThat(receiver.calls(path)).hasSize(1);
    }

    private List<Document> windows(String subscriptionId) {
        return mongo.find(query(where("subscriptionId").is(subscriptionId)), Document.class, "digest_windows");
    }

    private List<Document> entries(String subscriptionId) {
        return mongo.find(query(where("subscriptionId").is(subscriptionId)), Document.class, "digest_entries");
    }
}
