package dev.herald.support.secrets;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses to start a service running with the {@value #PRODUCTION_PROFILE} profile while one of its
 * secrets still has a value committed to this repository: a {@code change-me-*} placeholder of
 * {@code .env.example}, or a well-known default such as {@code admin} under a name that holds a secret
 * (a password, a secret, a signing, encryption or private key). Anyone can read those values on
 * GitHub, so a deployment that kept one has no secret at all. The check names the setting, never its value.
 * Other profiles start as before: the placeholders are there to make local use easy.
 */
public class CommittedSecretsCheck implements InitializingBean {

    public static final String PRODUCTION_PROFILE = "prod";

    /** Values this repository commits for secrets (besides every {@code change-me} placeholder) or that any guesser tries first. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("admin", "password", "secret", "changeit", "changeme", "herald", "test");

    private static final List<String> SECRET_NAMES = List.of("password", "secret", "signing-key", "signingkey", "signing_key",
            "encryption-key", "encryptionkey", "encryption_key", "private-key", "privatekey", "private_key", "api-key", "apikey",
            "api_key", "operator-key", "operatorkey", "operator_key", "credential");

    private final ConfigurableEnvironment environment;

    public CommittedSecretsCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (!environment.matchesProfiles(PRODUCTION_PROFILE)) {
            return;
        }
        List<String> committed = committedSecrets();
        if (!committed.isEmpty()) {
            throw new IllegalStateException("refusing to start with the '" + PRODUCTION_PROFILE + "' profile: "
                    + String.join(", ", committed) + (committed.size() == 1 ? " still has" : " still have")
                    + " a default value committed to the repository; set a secret of your own (see docs/security.md)");
        }
    }

    /** The names of the settings whose value, as the service would read it, is a committed default. */
    List<String> committedSecrets() {
        Set<String> found = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                // the value as resolved, so a setting that another overrides is judged by what wins
                String value;
                try {
                    value = environment.getProperty(name);
                } catch (IllegalArgumentException unresolvable) {
                    continue;
                }
                if (value != null && isCommittedDefault(name, value)) {
                    found.add(name);
                }
            }
        }
        return new ArrayList<>(found);
    }

    static boolean isCommittedDefault(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("change-me") || v.startsWith("change_me")) {
            return true;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return KNOWN_DEFAULTS.contains(v) && SECRET_NAMES.stream().anyMatch(n::contains);
    }
}
