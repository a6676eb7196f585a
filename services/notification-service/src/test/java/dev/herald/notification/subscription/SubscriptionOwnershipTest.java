package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscription belongs to the subscriber whose token made it; to every other subscriber it does not exist. */
class SubscriptionOwnershipTest extends ComponentTest {

    @Test
    void aSubscriptionIsMadeForTheTokensSubscriberEvenWhenTheBodyNamesSomeoneElse() {
        String a = "reader-a-" + token();
        String b = "reader-b-" + token();
        String unit = "单位-" + token();

        MvcTestResult result = subscribe(a, """
                {"subscriber":"%s","filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(b, unit));

        assertThat(result).hasStatus(201);
        String id = read(result).get("id").asString();
        assertThat(read(result).get("subscriber").asString()).isEqualTo(a);
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(a))).hasStatusOk();
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(b))).hasStatus(404);

        publish(a, article("rpt-" + token(), unit, "党建动态", "谁的订阅", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(a).get("total").asLong() == 1);
        assertThat(inbox(b).get("total").asLong()).isZero();
    }

    @Test
    void anotherSubscribersSubscriptionCanNeitherBeReadNorDeletedAndLooksLikeOneThatDoesNotExist() {
        String owner = "reader-" + token();
        String other = "reader-" + token();
        String id = subscribed(owner, """
                {"filter":{"keywords":["中医"]},"delivery":{"type":"INBOX"}}""");

        for (MvcTestResult result : new MvcTestResult[]{
                http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(other)).exchange(),
                http.delete().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(other)).exchange()}) {
            assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("subscription " + id + " not found");
        }

        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(owner))).hasStatusOk();
        assertThat(http.delete().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(owner))).hasStatus(204);
    }
}
