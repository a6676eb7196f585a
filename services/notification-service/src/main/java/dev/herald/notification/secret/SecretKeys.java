package dev.herald.notification.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the keys of the {@link SecretBox} come from: {@code herald.notification.secrets.keys}, or for local
 * use one key made once and kept in the service's own {@code settings} collection, so every instance and
 * restart opens what another sealed. That fallback keeps the key beside the data it protects, so a
 * {@code prod} or {@code production} profile refuses to start without configured keys.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeys {

    static final String STORED_KEY_ID = "local";
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private record StoredKey(String id, String key) {
    }

    @Bean
    SecretBox secretBox(SecretProperties properties, Environment environment, MongoTemplate mongo) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try {
            properties.keys().forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key.strip())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("herald.notification.secrets.keys: every key must be base64", e);
        }
        if (!keys.isEmpty()) {
            return new SecretBox(keys, properties.currentKey() != null ? properties.currentKey() : keys.keySet().iterator().next());
        }
        if (environment.acceptsProfiles(Profiles.of("prod | production"))) {
            throw new IllegalStateException("herald.notification.secrets.keys is not set: under a production profile "
                    + "webhook secrets must be encrypted with a key from configuration (HERALD_NOTIFICATION_SECRETS_KEYS_<ID>="
                    + "<base64 of 32 random bytes>), not one kept in the database beside them");
        }
        log.warn("herald.notification.secrets.keys is not set: webhook secrets are sealed with a key kept in the "
                + "service's settings collection, which protects nothing against a reader of the database; set a key outside it");
        return new SecretBox(Map.of(STORED_KEY_ID, storedKey(mongo)), STORED_KEY_ID);
    }

    private static byte[] storedKey(MongoTemplate mongo) {
        StoredKey found = mongo.findById("secret-key", StoredKey.class, "settings");
        if (found == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new StoredKey("secret-key", Base64.getEncoder().encodeToString(fresh)), "settings");
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // fall through and use the one that won
            }
            found = mongo.findById("secret-key", StoredKey.class, "settings");
        }
        return Base64.getDecoder().decode(found.key());
    }
}
