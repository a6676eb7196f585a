package dev.herald.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm that docker compose imports issues tokens the services accept: every client's access
 * tokens name the "herald" audience, and the user profile declares the unit and subscriber attributes, which
 * Keycloak would otherwise drop as unmanaged, leaving UNIT and SUBSCRIBER tokens that say nobody.
 */
class KeycloakRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode realm = JSON.readTree(Files.readString(Path.of("../keycloak/herald-realm.json")));

    KeycloakRealmTest() throws Exception {
    }

    @Test
    void everyClientPutsTheHeraldAudienceIntoItsAccessTokens() {
        List<String> without = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            boolean audience = false;
            for (JsonNode mapper : client.path("protocolMappers")) {
                audience |= mapper.path("protocolMapper").asString().equals("oidc-audience-mapper")
                        && mapper.path("config").path("included.custom.audience").asString().equals("herald")
                        && mapper.path("config").path("access.token.claim").asString().equals("true");
            }
            if (!audience) without.add(client.path("clientId").asString());
        }
        assertThat(realm.path("clients").size()).isPositive();
        assertThat(without).isEmpty();
    }

    @Test
    void noSecretIsCommittedComposeDemandsEachFromTheEnvironmentAndTheExampleNamesThem() throws Exception {
        String compose = Files.readString(Path.of("../../docker-compose.yml"));
        String example = Files.readString(Path.of("../../.env.example"));
        List<String> secrets = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                // the console signs people in with PKCE and keeps no secret
                assertThat(client.has("secret")).as(client.path("clientId").asString()).isFalse();
                continue;
            }
            String secret = client.path("secret").asString();
            assertThat(secret).as(client.path("clientId").asString()).matches("\\$\\{[A-Z0-9_]+}");
            secrets.add(secret.substring(2, secret.length() - 1));
        }
        secrets.add("KEYCLOAK_ADMIN_PASSWORD");
        for (String variable : secrets) {
            assertThat(compose).as("compose refuses to start without " + variable).contains("${" + variable + ":?");
            assertThat(example).contains(variable + "=");
        }
        assertThat(compose).doesNotContain("KC_BOOTSTRAP_ADMIN_PASSWORD: admin");
    }

    @Test
    void theUserProfileDeclaresTheUnitAndSubscriberAttributes() {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = JSON.readTree(provider.path("config").path("kc.user.profile.config").get(0).asString());
        List<String> names = new ArrayList<>();
        profile.path("attributes").forEach(a -> names.add(a.path("name").asString()));

        assertThat(names).contains("username", "email", "unit", "subscriber");
    }
}
