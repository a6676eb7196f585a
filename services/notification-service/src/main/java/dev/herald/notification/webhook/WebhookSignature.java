package dev.herald.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Standard Webhooks signing: HMAC-SHA256 over {@code id.timestamp.body} with the key that the
 * subscription's {@code whsec_} secret encodes in base64, sent as {@code v1,<base64>}.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** Whether the secret is one a message can be signed with. */
    static boolean usable(String secret) {
        try {
            return key(secret).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
