package dev.herald.notification.link;

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
import java.util.Base64;

/**
 * Links that act without a login (unsubscribe, confirm an address): the link carries what it is for
 * and for whom, signed with HMAC-SHA256, so it cannot be forged or turned to another purpose. The key
 * is {@code herald.notification.signing-key} when set, else one made once and kept in the service's
 * own store, so every instance signs alike and links survive restarts ({@link SignedLinkProperties}).
 */
@Component
public class SignedLinks {

    public enum Purpose { UNSUBSCRIBE, VERIFY_EMAIL }

    private final byte[] key;
    private final String baseUrl;

    SignedLinks(SignedLinkProperties properties, MongoTemplate mongo) {
        this.key = properties.signingKey().isEmpty() ? storedKey(mongo) : Base64.getDecoder().decode(properties.signingKey());
        this.baseUrl = properties.publicBaseUrl();
    }

    public String unsubscribeUrl(String subscriptionId) {
        return link("/api/unsubscribe", token(Purpose.UNSUBSCRIBE, subscriptionId));
    }

    public String verificationUrl(String subscriptionId, String email) {
        return link("/api/email-verification", token(Purpose.VERIFY_EMAIL, subscriptionId + "\n" + email));
    }

    public String token(Purpose purpose, String subject) {
        String payload = purpose.name() + "\n" + subject;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** The subject a token was issued for; a token altered, truncated or meant for another purpose is refused. */
    public String subject(Purpose purpose, String token) {
        try {
            String[] parts = token.strip().split("\\.", 2);
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
            if (!MessageDigest.isEqual(signature, mac(payload)) || !payload.startsWith(purpose.name() + "\n")) {
                throw invalid();
            }
            return payload.substring(purpose.name().length() + 1);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw invalid();
        }
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

    private record StoredKey(String id, String key) {
    }

    private static byte[] storedKey(MongoTemplate mongo) {
        StoredKey found = mongo.findById("link-signing-key", StoredKey.class, "settings");
        if (found == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new StoredKey("link-signing-key", Base64.getEncoder().encodeToString(fresh)), "settings");
            } catch (org.springframework.dao.DuplicateKeyException anotherInstanceWasFirst) {
                // fall through and use the one that won
            }
            found = mongo.findById("link-signing-key", StoredKey.class, "settings");
        }
        return Base64.getDecoder().decode(found.key());
    }
}
