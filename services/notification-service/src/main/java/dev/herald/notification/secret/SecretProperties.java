package dev.herald.notification.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * @param keys            the keys secrets are encrypted with at rest, by key id: base64 of 16 or 32 random bytes
 *                        (AES-128 or AES-256), e.g. {@code HERALD_NOTIFICATION_SECRETS_KEYS_2026A}. Each ciphertext
 *                        names its key id, so a key is retired by adding a new one, making it {@code current-key},
 *                        and removing the old one once nothing is sealed with it any more. None by default: then a
 *                        key is made once and kept in the service's {@code settings} collection, which protects
 *                        nothing against a reader of the database and is refused under a {@code prod} profile
 * @param currentKey      the key id new secrets are sealed with; may be left out when there is one key
 * @param rotationOverlap how long a webhook's previous signing secret keeps signing beside the new one after a
 *                        rotation, so a receiver can switch over without dropping a message: 24 hours by default
 */
@ConfigurationProperties("herald.notification.secrets")
public record SecretProperties(Map<String, String> keys, String currentKey, Duration rotationOverlap) {

    public SecretProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        currentKey = currentKey == null || currentKey.isBlank() ? null : currentKey.strip();
        rotationOverlap = rotationOverlap == null ? Duration.ofHours(24) : rotationOverlap;
        if (rotationOverlap.isNegative()) {
            throw new IllegalArgumentException("herald.notification.secrets.rotation-overlap cannot be negative");
        }
        if (currentKey == null && keys.size() > 1) {
            throw new IllegalArgumentException("herald.notification.secrets.current-key must name one of the "
                    + keys.size() + " keys " + keys.keySet());
        }
        if (currentKey != null && !keys.containsKey(currentKey)) {
            throw new IllegalArgumentException("herald.notification.secrets.current-key=" + currentKey
                    + " names no key of herald.notification.secrets.keys " + keys.keySet());
        }
    }
}
