package dev.herald.notification.webhook;

import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.infra.embedded.WebhookReceiver.Answer;
import dev.herald.support.egress.EgressGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against a real receiver on loopback: signed calls, Retry-After read back, and the egress
 * guard applied to the address actually connected to, whatever the subscription said earlier.
 */
class WebhookClientTest {

    private static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aLoopbackEndpointIsNeverConnectedToWhenLoopbackIsNotAllowed() throws Exception {
        receiver.expectSecret("/refused", SECRET);
        try (WebhookClient client = client(egress(false, List.of()))) {
            WebhookClient.Answer answer = client.post(receiver.url("/refused"), "msg_refused", SECRET, "{}");

            assertThat(answer.attempt().succeeded()).isFalse();
            assertThat(answer.attempt().httpStatus()).isNull();
            assertThat(answer.attempt().error()).contains("127.0.0.1").contains("loopback");
        }
        assertThat(receiver.calls("/refused")).isEmpty();
    }

    @Test
    void anAllowedEndpointGetsTheBodySignedForItsSecret() throws Exception {
        receiver.expectSecret("/allowed", SECRET);
        try (WebhookClient client = client(egress(false, List.of("127.0.0.0/8")))) {
            WebhookClient.Answer answer = client.post(receiver.url("/allowed"), "msg_allowed", SECRET, "{\"标题\":\"你好\"}");

            assertThat(answer.attempt().httpStatus()).isEqualTo(200);
            assertThat(answer.attempt().error()).isNull();
        }
        assertThat(receiver.calls("/allowed")).singleElement().satisfies(call -> {
            assertThat(call.signatureValid()).isTrue();
            assertThat(call.webhookId()).isEqualTo("msg_allowed");
            assertThat(call.body()).isEqualTo("{\"标题\":\"你好\"}");
        });
    }

    @Test
    void theReceiversOwnCheckRejectsASignatureMadeWithAnotherSecret() throws Exception {
        receiver.expectSecret("/other-secret", "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        try (WebhookClient client = client(egress(true, List.of()))) {
            client.post(receiver.url("/other-secret"), "msg_other", SECRET, "{}");
        }
        assertThat(receiver.calls("/other-secret")).singleElement().satisfies(call -> assertThat(call.signatureValid()).isFalse());
    }

    @Test
    void retryAfterComesBackWithTheAnswer() throws Exception {
        receiver.answerFirst("/busy", Answer.of(429).retryAfter("120"));
        try (WebhookClient client = client(egress(true, List.of()))) {
            WebhookClient.Answer answer = client.post(receiver.url("/busy"), "msg_busy", SECRET, "{}");

            assertThat(answer.attempt().httpStatus()).isEqualTo(429);
            assertThat(answer.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-20T03:00:00Z");

        assertThat(WebhookClient.retryAfter(new BasicHeader("Retry-After", "30"), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookClient.retryAfter(new BasicHeader("Retry-After", "Fri, 20 Nov 2026 03:05:00 GMT"), now))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(WebhookClient.retryAfter(new BasicHeader("Retry-After", "Fri, 20 Nov 2026 02:00:00 GMT"), now)).isZero();
        assertThat(WebhookClient.retryAfter(new BasicHeader("Retry-After", "soon"), now)).isNull();
        assertThat(WebhookClient.retryAfter(new BasicHeader("Retry-After", "-5"), now)).isNull();
        assertThat(WebhookClient.retryAfter(null, now)).isNull();
    }

    private static WebhookClient client(EgressGuard egress) {
        var properties = new WebhookProperties(null, null, null, null, null, 2, Duration.ofMillis(500),
                Duration.ofSeconds(2), null, null, null, null);
        return new WebhookClient(properties, egress, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static EgressGuard egress(boolean allowLoopback, List<String> allowedNetworks) {
        return new EgressGuard(allowLoopback, allowedNetworks, "webhooks");
    }
}
