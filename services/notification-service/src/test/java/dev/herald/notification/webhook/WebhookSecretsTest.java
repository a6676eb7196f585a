package dev.herald.notification.webhook;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.infra.embedded.WebhookReceiver.Call;
import dev.herald.notification.MailComponentTest;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.secret.SecretProperties;
import dev.herald.notification.subscription.MatchedBy;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook signing secrets at rest and in rotation: the store holds them sealed, and a rotated secret
 * signs beside the old one until the overlap ends, then alone. On the mail tests' context for its
 * movable clock.
 */
class WebhookSecretsTest extends MailComponentTest {

    @Autowired
    WebhookChannel channel;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    SecretProperties secrets;

    @Test
    void theStoredSubscriptionHoldsNoSigningSecretInTheClearAndItsSubscriberStillReadsIt() {
        String reader = "sealed-" + token();
        JsonNode created = read(subscribe(reader, webhookTo("/sealed/" + token())));
        String secret = created.get("delivery").get("secret").asString();

        Document stored = mongo.findById(created.get("id").asString(), Document.class, "subscriptions");

        String raw = stored.toJson();
        assertThat(raw).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
        assertThat(stored.get("delivery", Document.class).getString("secret")).startsWith("v1:");
        assertThat(read(http.get().uri("/api/subscriptions/{id}", created.get("id").asString())
                .with(TestTokens.subscriber(reader)).exchange()).get("delivery").get("secret").asString()).isEqualTo(secret);
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneUntilTheOverlapEndsAndThenAlone() {
        String reader = "rotate-" + token();
        String path = "/rotate/" + token();
        JsonNode created = read(subscribe(reader, webhookTo(path)));
        String id = created.get("id").asString();
        String old = created.get("delivery").get("secret").asString();

        JsonNode rotated = read(http.post().uri("/api/subscriptions/{id}/secret/rotate", id)
                .with(TestTokens.subscriber(reader)).exchange());
        String fresh = rotated.get("delivery").get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(rotated.get("delivery").has("previousSecret")).isFalse();
        Instant overlapEnds = Instant.parse(rotated.get("delivery").get("previousSecretExpiresAt").asString());
        assertThat(Duration.between(clock.instant(), overlapEnds)).isBetween(
                secrets.rotationOverlap().minusSeconds(5), secrets.rotationOverlap());

        List<String> during = signatures(send(id, path, 1));
        assertThat(during).hasSize(2);
        assertThat(during.get(0)).satisfies(s -> assertThat(signedWith(fresh, path, 1, s)).isTrue());
        assertThat(during.get(1)).satisfies(s -> assertThat(signedWith(old, path, 1, s)).isTrue());

        clock.advance(secrets.rotationOverlap().plusMinutes(1));
        List<String> after = signatures(send(id, path, 2));
        assertThat(after).singleElement().satisfies(s -> {
            assertThat(signedWith(fresh, path, 2, s)).isTrue();
            assertThat(signedWith(old, path, 2, s)).isFalse();
        });
    }

    @Test
    void onlyTheOwnerRotatesAndOnlyAWebhookHasASecretToRotate() {
        String reader = "rotate-" + token();
        String hook = read(subscribe(reader, webhookTo("/rotate/" + token()))).get("id").asString();
        String inbox = subscribed(reader, """
                {"filter":{"keywords":["轮换"]},"delivery":{"type":"INBOX"}}""");

        assertThat(http.post().uri("/api/subscriptions/{id}/secret/rotate", hook)
                .with(TestTokens.subscriber("someone-else-" + token()))).hasStatus(404);
        assertThat(http.post().uri("/api/subscriptions/{id}/secret/rotate", hook)).hasStatus(401);
        assertThat(http.post().uri("/api/subscriptions/{id}/secret/rotate", inbox).with(TestTokens.subscriber(reader)))
                .hasStatus(409);
    }

    private String webhookTo(String path) {
        return """
                {"filter":{"units":["单位-%s"]},"delivery":{"type":"WEBHOOK","url":"%s"}}""".formatted(token(), receiver.url(path));
    }

    /** Owes the subscription one message now and returns the call that carried it, the nth to the path. */
    private Call send(String id, String path, int nth) {
        Subscription subscription = subscriptions.find(id).orElseThrow();
        String notice = "ntf-" + token();
        channel.deliver(subscription, List.of(new Notice(notice, "rpt-" + notice, "轮换密钥", "单位", "党建动态",
                Instant.parse("2026-11-20T03:00:00Z"), "正文", new MatchedBy(null, "单位", null))), notice);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path).size() >= nth);
        return receiver.calls(path).get(nth - 1);
    }

    private static List<String> signatures(Call call) {
        return List.of(call.signature().split(" "));
    }

    /** Whether the one signature checks out under the secret, as a receiver holding only that secret would check. */
    private static boolean signedWith(String secret, String path, int nth, String signature) {
        Call call = receiver.calls(path).get(nth - 1);
        return WebhookReceiver.verifies(secret, call.webhookId(), call.timestamp(), signature, call.body(),
                Instant.ofEpochSecond(Long.parseLong(call.timestamp())));
    }
}
