package dev.herald.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** Key bytes 0..31. */
    private static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void signsIdTimestampAndBodyAsTheStandardSays() {
        // computed outside Java: printf '%s' 'ID.TIMESTAMP.BODY' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f -binary | base64
        String body = "{\"type\":\"notification.created\",\"data\":{\"title\":\"主题党日\"}}";

        assertThat(WebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_700_000_000L, body))
                .isEqualTo("v1,4aM9TEEyDMohjsAeCZhIHHur02xAGkVkRGCYm+bsh44=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String signed = WebhookSignature.sign(SECRET, "msg_a", 1L, "{}");

        assertThat(WebhookSignature.sign(SECRET, "msg_b", 1L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(SECRET, "msg_a", 2L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(SECRET, "msg_a", 1L, "{ }")).isNotEqualTo(signed);
    }

    @Test
    void onlyAWhsecSecretWithBase64KeyIsUsable() {
        assertThat(WebhookSignature.usable(SECRET)).isTrue();
        assertThat(WebhookSignature.usable(null)).isFalse();
        assertThat(WebhookSignature.usable("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")).isFalse();
        assertThat(WebhookSignature.usable("whsec_not base64!")).isFalse();
        assertThat(WebhookSignature.usable("whsec_")).isFalse();
    }
}
