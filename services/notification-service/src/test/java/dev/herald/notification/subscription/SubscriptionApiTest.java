package dev.herald.notification.subscription;

import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionApiTest extends ComponentTest {

    @Test
    void createdSubscriptionIsAnsweredWithItsLocationAndCanBeReadBack() {
        MvcTestResult result = subscribe("""
                {"subscriber":" 李明 ","filter":{"channels":["党建动态"],"units":["南宁市中医医院党委"],
                 "keywords":["主题党日"," 主题党日 "]},"delivery":{"type":"WEBHOOK","url":"https://example.org/hook"}}""");

        assertThat(result).hasStatus(201);
        JsonNode created = read(result);
        String id = created.get("id").asString();
        assertThat(result).hasHeader("Location", "http://localhost/api/subscriptions/" + id);
        assertThat(created.get("subscriber").asString()).isEqualTo("李明");
        assertThat(created.get("filter").get("keywords").size()).isEqualTo(1);
        assertThat(created.get("delivery").get("type").asString()).isEqualTo("WEBHOOK");
        assertThat(created.get("delivery").get("url").asString()).isEqualTo("https://example.org/hook");
        assertThat(created.get("createdAt").asString()).isNotBlank();

        JsonNode fetched = read(http.get().uri("/api/subscriptions/{id}", id).exchange());
        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void aFilterWithoutAnyCriterionIsRefused() {
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"channels":[],"units":[],"keywords":[]},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
        assertThat(subscribe("""
                {"subscriber":"李明","delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter");
    }

    @Test
    void webhooksNeedAnHttpUrlAndInboxDeliveriesTakeNone() {
        for (String url : new String[]{"ftp://example.org/hook", "not a url", "http://", "javascript:alert(1)"}) {
            assertThat(subscribe(withDelivery("{\"type\":\"WEBHOOK\",\"url\":\"%s\"}".formatted(url))))
                    .as(url).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        }
        assertThat(subscribe(withDelivery("{\"type\":\"WEBHOOK\"}"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        assertThat(subscribe(withDelivery("{\"type\":\"INBOX\",\"url\":\"https://example.org\"}"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
        assertThat(subscribe(withDelivery("{\"type\":\"WEBHOOK\",\"url\":\"https://example.org/%s\"}"
                .formatted("a".repeat(2_000))))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.url");
    }

    @Test
    void anUnknownDeliveryTypeIsNamedNotAServerError() {
        assertThat(subscribe(withDelivery("{\"type\":\"SMS\"}"))).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery.type");
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"keywords":["中医"]}}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("delivery");
    }

    @Test
    void aMissingOrOverlongSubscriberIsRefused() {
        assertThat(subscribe("""
                {"filter":{"keywords":["中医"]},"delivery":{"type":"INBOX"}}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("subscriber");
        assertThat(subscribe("""
                {"subscriber":"%s","filter":{"keywords":["中医"]},"delivery":{"type":"INBOX"}}""".formatted("李".repeat(101))))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("subscriber");
    }

    @Test
    void criteriaListsAreBoundedInCountAndLength() {
        String tooMany = "\"k\",".repeat(20) + "\"k\"";
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"keywords":[%s]},"delivery":{"type":"INBOX"}}""".formatted(tooMany)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter.keywords");
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted("单".repeat(51))))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("filter.units");
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"channels":["  "]},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("filter.channels");
        assertThat(subscribe("""
                {"subscriber":"李明","filter":{"keywords":"中医"},"delivery":{"type":"INBOX"}}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filter.keywords");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertThat(subscribe("{\"subscriber\": ")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Malformed request");
    }

    @Test
    void unknownSubscriptionIs404ProblemForReadAndDelete() {
        assertThat(http.get().uri("/api/subscriptions/{id}", "sub-nope")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.delete().uri("/api/subscriptions/{id}", "sub-nope")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDeletedSubscriptionIsGoneAndHearsOfNoFurtherArticles() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        String markerReader = "marker-" + token();
        String markerUnit = "单位-" + token();
        String id = subscribed("""
                {"subscriber":"%s","filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(reader, unit));
        subscribed("""
                {"subscriber":"%s","filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(markerReader, markerUnit));

        assertThat(http.delete().uri("/api/subscriptions/{id}", id)).hasStatus(204);
        assertThat(http.get().uri("/api/subscriptions/{id}", id)).hasStatus(404);
        assertThat(http.delete().uri("/api/subscriptions/{id}", id)).hasStatus(404);

        publish(reader, article("rpt-" + token(), unit, "党建动态", "删除之后", "正文"));
        publish(reader, article("rpt-" + token(), markerUnit, "党建动态", "标记", "正文"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(markerReader).get("total").asLong() == 1);
        assertThat(inbox(reader).get("total").asLong()).isZero();
    }

    private static String withDelivery(String delivery) {
        return """
                {"subscriber":"李明","filter":{"keywords":["中医"]},"delivery":%s}""".formatted(delivery);
    }
}
