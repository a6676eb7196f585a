package dev.herald.console.moderator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short mark of a text as the approval form showed it, so the console can tell a field the moderator edited
 * from one sent back as it was without carrying the text twice. Line ends and the whitespace around the text do
 * not count: a browser changes the first, and moderation ignores the second.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(String text) {
        String normalized = text == null ? "" : text.replace("\r\n", "\n").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
