package dev.herald.auth;

import dev.herald.auth.account.Account;
import dev.herald.auth.account.Accounts;
import dev.herald.auth.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenIssuingTest {

    static Path accountsFile;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void accountsFile() throws IOException {
        accountsFile = Files.createTempDirectory("auth-test").resolve("accounts.json");
        new Accounts(accountsFile).createIfMissing(List.of("南宁市中医医院党委"), List.of("reader-1"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("herald.auth.accounts-file", () -> accountsFile.toString());
        registry.add("herald.auth.key-file", () -> accountsFile.resolveSibling("issuer-key.json").toString());
        registry.add("spring.security.oauth2.authorizationserver.issuer", () -> "http://issuer.test");
    }

    @Test
    void aUnitAccountGetsASignedTokenNamingItsRoleAndItsUnit() throws Exception {
        Account unit = accounts.forRole(Role.UNIT, "南宁市中医医院党委");

        HttpResponse<String> response = token(unit.clientId(), unit.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(json.readTree(response.body()).path("access_token").asString());
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("UNIT");
        assertThat(claims.path("unit").asString()).isEqualTo("南宁市中医医院党委");
        assertThat(claims.path("sub").asString()).isEqualTo(unit.clientId());
        assertThat(claims.path("iss").asString()).isEqualTo("http://issuer.test");
        // a single audience may be written as a string or a one-element array; either names the services
        assertThat(claims.path("aud").isArray() ? claims.path("aud").get(0).asString() : claims.path("aud").asString()).isEqualTo("herald");
    }

    @Test
    void anAccountAddedWhileRunningCanGetATokenAtOnce() throws Exception {
        Account subscriber = new Accounts(accountsFile).forRole(Role.SUBSCRIBER, "reader-new");

        HttpResponse<String> response = token(subscriber.clientId(), subscriber.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json.readTree(response.body()).path("access_token").asString()).path("subscriber").asString())
                .isEqualTo("reader-new");
    }

    @Test
    void aLeaderGetsATokenNamingTheLeaderRole() throws Exception {
        Account leader = new Accounts(accountsFile).forRole(Role.LEADER, null);

        HttpResponse<String> response = token(leader.clientId(), leader.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json.readTree(response.body()).path("access_token").asString()).path("roles").get(0).asString())
                .isEqualTo("LEADER");
    }

    @Test
    void aUnitReviewerGetsATokenNamingItsRoleAndTheUnitItSignsOffFor() throws Exception {
        Account reviewer = new Accounts(accountsFile).forRole(Role.UNIT_REVIEWER, "南宁市中医医院党委");

        HttpResponse<String> response = token(reviewer.clientId(), reviewer.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(json.readTree(response.body()).path("access_token").asString());
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("UNIT_REVIEWER");
        assertThat(claims.path("unit").asString()).isEqualTo("南宁市中医医院党委");
    }

    @Test
    void aWrongSecretOrUnknownClientGetsNoToken() throws Exception {
        Account moderator = accounts.forRole(Role.MODERATOR, null);

        assertThat(token(moderator.clientId(), "wrong").statusCode()).isEqualTo(401);
        assertThat(token("nobody", "nothing").statusCode()).isEqualTo(401);
    }

    @Test
    void theSigningKeyIsKeptSoTokensOutliveARestart() throws Exception {
        Path keyFile = accountsFile.resolveSibling("issuer-key.json");
        String published = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("keys").get(0).path("kid").asString();

        assertThat(Files.exists(keyFile)).isTrue();
        assertThat(IssuerKey.loadOrCreate(keyFile).getKeyID()).isEqualTo(published);
    }

    @Test
    void theSigningKeysArePublishedForResourceServers() throws Exception {
        HttpResponse<String> keys = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(keys.body()).path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
    }

    private HttpResponse<String> token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode claims(String jwt) {
        return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
