package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionApiTest extends ComponentTest {

    private static final String LI_MING = "李明";

    @Test
    void createdSubscriptionIsAnsweredWithItsLocationAndCanBeReadBack() {
        MvcTestResult result = subscribe(LI_MING, """
                {"filter":{"channels":["党建动态"],"units":["南宁市中医医院党委"],
                 "keywords":["主题党日"," 主题党日 "]},"delivery":{"type":"WEBHOOK","url":"https://example.org/hook"}}""");

        assertThat(result).hasStatus(201);
        JsonNode created = read(result);
        String id = created.get("id").asString();
        assertThat(result).hasHeader("Location", "http://localhost/api/subscriptions/" + id);
        assertThat(created.get("subscriber").asString()).isEqualTo(LI_MING);
        assertThat(created.get("filter").get("keywords").size()).isEqualTo(1);
        assertThat(created.get("delivery").get("type").asString()).isEqualTo("WEBHOOK");
        assertThat(created.get("delivery").get("url").asString()).isEqualTo("https://example.org/hook");
        assertThat(created.get("createdAt").asString()).isNotBlank();

        JsonNode fetched = read(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(LI_MING))
                .exchange());
        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void aFilterWithoutAnyCriterionIsRefused() {
        assertThat(subscribe(LI_MING, """
                {"filter":{},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
        assertThat(subscribe(LI_MING, """
                {"filter":{"channels":[],"units":[],"keywords":[]},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
        assertThat(subscribe(LI_MING, """
                {"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
    }

    @Test
    void webhooksNeedAnHttpUrlAndInboxDeliveriesTakeNone() {
        for (String url : new String[]{"ftp://example.org/hook", "not a url", "http://", "javascript:alert(1)"}) {
            assertThat(subscribe(LI_MING, withDelivery("{\"type\":\"WEBHOOK\",\"url\":\"%s\"}".formatted(url))))
                    .as(url).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        }
        assertThat(subscribe(LI_MING, withDelivery("{\"type\":\"WEBHOOK\"}"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        assertThat(subscribe(LI_MING, withDelivery("{\"type\":\"INBOX\",\"url\":\"https://example.org\"}"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        assertThat(subscribe(LI_MING, withDelivery("{\"type\":\"WEBHOOK\",\"url\":\"https://example.org/%s\"}"
                .formatted("a".repeat(2_000))))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
    }

    @Test
    void anUnknownDeliveryTypeIsNamedNotAServerError() {
        assertThat(subscribe(LI_MING, withDelivery("{\"type\":\"SMS\"}"))).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.type");
        assertThat(subscribe(LI_MING, """
                {"filter":{"keywords":["中医"]}}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery");
    }

    @Test
    void criteriaListsAreBoundedInCountAndLength() {
        String tooMany = "\"k\",".repeat(20) + "\"k\"";
        assertThat(subscribe(LI_MING, """
                {"filter":{"keywords":[%s]},"delivery":{"type":"INBOX"}}""".formatted(tooMany)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter.keywords");
        assertThat(subscribe(LI_MING, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted("单".repeat(51))))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("filter.units");
        assertThat(subscribe(LI_MING, """
                {"filter":{"channels":["  "]},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("filter.channels");
        assertThat(subscribe(LI_MING, """
                {"filter":{"keywords":"中医"},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter.keywords");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertThat(subscribe(LI_MING, "{\"filter\": ")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Malformed request");
    }

    @Test
    void unknownSubscriptionIs404ProblemForReadAndDelete() {
        assertThat(http.get().uri("/api/subscriptions/{id}", "sub-nope").with(TestTokens.subscriber(LI_MING)))
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.delete().uri("/api/subscriptions/{id}", "sub-nope").with(TestTokens.subscriber(LI_MING)))
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDeletedSubscriptionIsGoneAndHearsOfNoFurtherArticles() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        String markerReader = "marker-" + token();
        String markerUnit = "单位-" + token();
        String id = subscribed(reader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit));
        subscribed(markerReader, """
                {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(markerUnit));

        assertThat(http.delete().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))).hasStatus(204);
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))).hasStatus(404);
        assertThat(http.delete().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(reader))).hasStatus(404);

        publish(reader, article("rpt-" + token(), unit, "党建动态", "删除之后", "正文"));
        publish(reader, article("rpt-" + token(), markerUnit, "党建动态", "标记", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(markerReader).get("total").asLong() == 1);
        assertThat(inbox(reader).get("total").asLong()).isZero();
    }

    private static String withDelivery(String delivery) {
        return """
                {"filter":{"keywords":["中医"]},"delivery":%s}""".formatted(delivery);
    }
}
