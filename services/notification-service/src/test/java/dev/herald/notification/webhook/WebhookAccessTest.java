package dev.herald.notification.webhook;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery endpoints open to subscribers only, and to each only for their own subscriptions. */
class WebhookAccessTest extends ComponentTest {

    @Test
    void withoutATokenOrWithAnotherRoleTheDeliveryEndpointsRefuse() {
        String subscription = subscribed("owner-" + token(), """
                {"filter":{"keywords":["投递"]},"delivery":{"type":"INBOX"}}""");

        assertThat(http.get().uri("/api/subscriptions/{id}/deliveries", subscription)).hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().uri("/api/deliveries/{id}/replay", "msg_any")).hasStatus(401);
        for (var other : new org.springframework.test.web.servlet.request.RequestPostProcessor[]{
                TestTokens.unit("南宁市中医医院党委"), TestTokens.moderator("wang.fang"), TestTokens.admin()}) {
            assertThat(http.get().uri("/api/subscriptions/{id}/deliveries", subscription).with(other)).hasStatus(403)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(http.post().uri("/api/deliveries/{id}/replay", "msg_any").with(other)).hasStatus(403);
        }
    }

    @Test
    void anotherSubscribersDeliveriesDoNotExist() {
        String owner = "owner-" + token();
        String subscription = subscribed(owner, """
                {"filter":{"keywords":["投递"]},"delivery":{"type":"INBOX"}}""");

        assertThat(http.get().uri("/api/subscriptions/{id}/deliveries", subscription).with(TestTokens.subscriber(owner)))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(http.get().uri("/api/subscriptions/{id}/deliveries", subscription)
                .with(TestTokens.subscriber("other-" + token()))).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().uri("/api/deliveries/{id}/replay", "msg_nothing-here").with(TestTokens.subscriber(owner)))
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pagingOutOfRangeIsABadRequest() {
        String owner = "owner-" + token();
        String subscription = subscribed(owner, """
                {"filter":{"keywords":["投递"]},"delivery":{"type":"INBOX"}}""");

        assertThat(http.get().uri("/api/subscriptions/{id}/deliveries?size=0", subscription).with(TestTokens.subscriber(owner)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(http.get().uri("/api/subscriptions/{id}/deliveries?page=-1", subscription).with(TestTokens.subscriber(owner)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
    }
}
