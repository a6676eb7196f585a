package dev.herald.notification.inbox;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscriber's inbox, notices and deliveries are theirs alone: to every other subscriber they do not exist. */
class InboxIsolationTest extends ComponentTest {

    @Test
    void anotherSubscribersInboxNoticeAndDeliveriesAre404LikeOnesThatDoNotExist() {
        String owner = "hook-" + token();
        String other = "reader-" + token();
        String unit = "单位-" + token();
        subscribed(owner, """
                {"filter":{"units":["%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}}"""
                .formatted(unit, receiver.url("/hooks/" + token())));
        publish(owner, article("rpt-" + token(), unit, "党建动态", "只给订阅者看", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(owner).get("total").asLong() == 1);
        String notice = inbox(owner).get("notifications").get(0).get("id").asString();

        MvcTestResult otherInbox = http.get().uri("/api/subscribers/{s}/notifications", owner)
                .with(TestTokens.subscriber(other)).exchange();
        assertThat(otherInbox).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String uri : new String[]{"/api/notifications/{id}", "/api/notifications/{id}/deliveries"}) {
            MvcTestResult result = http.get().uri(uri, notice).with(TestTokens.subscriber(other)).exchange();
            assertThat(result).as(uri).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).as(uri).bodyJson().extractingPath("$.detail").isEqualTo("notification " + notice + " not found");
        }

        assertThat(http.get().uri("/api/notifications/{id}", notice).with(TestTokens.subscriber(owner))).hasStatusOk();
        assertThat(http.get().uri("/api/notifications/{id}/deliveries", notice).with(TestTokens.subscriber(owner)))
                .hasStatusOk().bodyJson().extractingPath("$.deliveries").asArray().hasSize(1);
        assertThat(inbox(other).get("total").asLong()).isZero();
    }
}
