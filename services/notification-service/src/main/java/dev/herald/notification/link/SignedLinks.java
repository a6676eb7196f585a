package dev.herald.notification.link;

import dev.herald.notification.secret.SecretBox;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Links that act without a login (unsubscribe, confirm an address): the link carries what it is for,
 * for whom and until when, signed with HMAC-SHA256, so it cannot be forged, prolonged or turned to
 * another purpose (an unsubscribe link confirms nothing, a confirmation link unsubscribes nobody). The key
 * is {@code herald.notification.signing-key} when set, else one made once and kept in the service's
 * own store, so every instance signs alike and links survive restarts ({@link SignedLinkProperties}).
 */
@Component
public class SignedLinks {

    public enum Purpose { UNSUBSCRIBE, VERIFY_EMAIL }

    private final byte[] key;
    private final String baseUrl;
    private final Duration validity;
    private final Clock clock;

    SignedLinks(SignedLinkProperties properties, MongoTemplate mongo, SecretBox box, Clock clock) {
        this.key = properties.signingKey().isEmpty() ? storedKey(mongo, box) : Base64.getDecoder().decode(properties.signingKey());
        this.baseUrl = properties.publicBaseUrl();
        this.validity = properties.linkValidity();
        this.clock = clock;
    }

    public String unsubscribeUrl(String subscriptionId) {
        return link("/api/unsubscribe", token(Purpose.UNSUBSCRIBE, subscriptionId));
    }

    public String verificationUrl(String subscriptionId, String email) {
        return link("/api/email-verification", token(Purpose.VERIFY_EMAIL, subscriptionId + "\n" + email));
    }

    public String token(Purpose purpose, String subject) {
        return token(purpose, subject, clock.instant().plus(validity));
    }

    /** A token that stops working at the given instant. */
    public String token(Purpose purpose, String subject, Instant expiresAt) {
        String payload = purpose.name() + "\n" + expiresAt.getEpochSecond() + "\n" + subject;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /**
     * The subject a token was issued for; a token altered, truncated or meant for another purpose is refused,
     * and so is one past its time, with a message that says so.
     */
    public String subject(Purpose purpose, String token) {
        String[] fields;
        Instant expiresAt;
        try {
            String[] parts = token.strip().split("\\.", 2);
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
            fields = payload.split("\n", 3);
            if (!MessageDigest.isEqual(signature, mac(payload)) || fields.length < 3 || !fields[0].equals(purpose.name())) {
                throw invalid();
            }
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw invalid();
        }
        // checked after the signature, so only a link this service made can be told it expired
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidRequestException("token", "has expired: a signed link works for " + validity
                    + " after it was sent; use the link in a newer message");
        }
        return fields[2];
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam("token", token).build().toUriString();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("token", "is not a link this service issued");
    }

    private static final String STORED_KEY = "link-signing-key";

    private record StoredKey(String id, String key) {
    }

    /**
     * The key made once and kept in the store, sealed like the webhook secrets so that a reader of the
     * database cannot make links; one kept in the clear by an older version is still read.
     */
    private static byte[] storedKey(MongoTemplate mongo, SecretBox box) {
        StoredKey found = mongo.findById(STORED_KEY, StoredKey.class, "settings");
        if (found == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new StoredKey(STORED_KEY, box.seal(Base64.getEncoder().encodeToString(fresh), STORED_KEY)), "settings");
            } catch (org.springframework.dao.DuplicateKeyException anotherInstanceWasFirst) {
                // fall through and use the one that won
            }
            found = mongo.findById(STORED_KEY, StoredKey.class, "settings");
        }
        String key = SecretBox.isSealed(found.key()) ? box.open(found.key(), STORED_KEY) : found.key();
        return Base64.getDecoder().decode(key);
    }
}
