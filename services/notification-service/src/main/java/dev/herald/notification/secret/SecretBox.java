package dev.herald.notification.secret;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Seals secrets for the store with AES-GCM: {@code v1:<key id>:<base64 of nonce and ciphertext>}. The key id
 * travels with each ciphertext, so keys can be rotated while older ciphertexts are still read; the context
 * (what the secret belongs to, such as a subscription id) is authenticated with it, so a ciphertext copied
 * into another document does not open there.
 */
public final class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;

    /** @param keys raw AES keys (16 or 32 bytes) by id; {@code current} seals, every one opens */
    public SecretBox(Map<String, byte[]> keys, String current) {
        Map<String, SecretKey> made = new HashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 16 && key.length != 32) {
                throw new IllegalArgumentException("secret key " + id + " must be 16 or 32 bytes, not " + key.length);
            }
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("secret key id '" + id + "' must be non-blank and without ':'");
            }
            made.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!made.containsKey(current)) {
            throw new IllegalArgumentException("no secret key " + current);
        }
        this.keys = Map.copyOf(made);
        this.current = current;
    }

    /** Whether the value is a sealed secret rather than one stored in the clear before sealing began. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(current, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + current + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /** @throws IllegalStateException when the key is unknown or the ciphertext was altered or moved to another context */
    public String open(String sealed, String context) {
        String[] parts = sealed.substring(PREFIX.length()).split(":", 2);
        SecretKey key = parts.length == 2 ? keys.get(parts[0]) : null;
        if (key == null) {
            throw new IllegalStateException("a secret is sealed with key '" + parts[0]
                    + "', which herald.notification.secrets.keys no longer holds");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[0], context));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed secret does not open: altered, or not sealed for " + context, e);
        }
    }

    /** The key id (from the same sealed string) is authenticated too, so it cannot be swapped undetected. */
    private static byte[] aad(String keyId, String context) {
        return (keyId + "\n" + context).getBytes(StandardCharsets.UTF_8);
    }
}
