package dev.herald.notification.secret;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final byte[] KEY_A = bytes(1);
    private static final byte[] KEY_B = bytes(2);

    @Test
    void aSealedSecretNamesItsKeyShowsNothingOfThePlaintextAndOpensForItsOwnContext() {
        SecretBox box = new SecretBox(Map.of("a", KEY_A), "a");

        String sealed = box.seal(SECRET, "subscription sub-1");

        assertThat(sealed).startsWith("v1:a:").doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(SecretBox.isSealed(SECRET)).isFalse();
        assertThat(box.open(sealed, "subscription sub-1")).isEqualTo(SECRET);
        // a fresh nonce each time: equal secrets do not look equal in the store
        assertThat(box.seal(SECRET, "subscription sub-1")).isNotEqualTo(sealed);
    }

    @Test
    void aCiphertextMovedToAnotherSubscriptionOrAlteredDoesNotOpen() {
        SecretBox box = new SecretBox(Map.of("a", KEY_A), "a");
        String sealed = box.seal(SECRET, "subscription sub-1");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> box.open(sealed, "subscription sub-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(altered, "subscription sub-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldCiphertextsStillOpenAndNewOnesUseTheNewKey() {
        String underA = new SecretBox(Map.of("a", KEY_A), "a").seal(SECRET, "ctx");
        SecretBox rotated = new SecretBox(Map.of("a", KEY_A, "b", KEY_B), "b");

        assertThat(rotated.open(underA, "ctx")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "ctx")).startsWith("v1:b:");
        // the old key removed too early: a clear failure that names the missing key, not a wrong secret
        SecretBox onlyB = new SecretBox(Map.of("b", KEY_B), "b");
        assertThatThrownBy(() -> onlyB.open(underA, "ctx")).isInstanceOf(IllegalStateException.class).hasMessageContaining("'a'");
        // nor can a ciphertext claim another key id than it was sealed with
        assertThatThrownBy(() -> rotated.open(underA.replace("v1:a:", "v1:b:"), "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProductionProfileWithoutConfiguredKeysDoesNotStart() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        SecretProperties none = new SecretProperties(null, null, null);

        assertThatThrownBy(() -> new SecretKeys().secretBox(none, production, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("herald.notification.secrets.keys");

        SecretBox configured = new SecretKeys().secretBox(new SecretProperties(
                Map.of("2026a", Base64.getEncoder().encodeToString(KEY_A)), null, null), production, null);
        assertThat(configured.seal(SECRET, "ctx")).startsWith("v1:2026a:");
    }

    @Test
    void keySettingsThatCannotWorkAreRefusedAtStart() {
        assertThatThrownBy(() -> new SecretProperties(Map.of("a", "x", "b", "y"), null, null))
                .hasMessageContaining("current-key");
        assertThatThrownBy(() -> new SecretProperties(Map.of("a", "x"), "c", null)).hasMessageContaining("names no key");
        assertThatThrownBy(() -> new SecretBox(Map.of("a", new byte[7]), "a")).hasMessageContaining("16 or 32 bytes");
        assertThat(new SecretProperties(null, null, null).rotationOverlap()).hasHours(24);
    }

    private static byte[] bytes(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}
