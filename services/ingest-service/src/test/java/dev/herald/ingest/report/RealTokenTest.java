package dev.herald.ingest.report;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real signed tokens through the real decoder: the service fetches the issuer's keys from a JWK set
 * served on loopback, as it does from any OIDC provider, and checks signature, algorithm, issuer,
 * audience, expiry within the allowed skew, and that a role acting for someone says for whom.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class RealTokenTest {

    static final String ISSUER = "http://issuer.herald.test";
    static final RSAKey TRUSTED = rsaKey("trusted");
    static final HttpServer JWKS = serve(new JWKSet(TRUSTED.toPublicJWK()).toString());

    @Autowired
    MockMvcTester http;

    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void aTokenSignedByTheIssuerIsAccepted() {
        assertThat(submitWith(token(TRUSTED, ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")))).hasStatus(202);
    }

    @Test
    void theServiceRemembersATokenItAcceptedAndStillRefusesOnesItDidNot() {
        String accepted = token(TRUSTED, ISSUER, Instant.now().plusSeconds(600), List.of("UNIT"));
        String forged = token(rsaKey("trusted"), ISSUER, Instant.now().plusSeconds(600), List.of("UNIT"));

        assertThat(decoder).isInstanceOf(dev.herald.support.security.RememberedTokens.class);
        assertThat(submitWith(accepted)).hasStatus(202);
        assertThat(submitWith(accepted)).hasStatus(202);
        assertThat(submitWith(forged)).hasStatus(401);
        assertThat(submitWith(forged)).hasStatus(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        // well past the allowance for clock skew
        assertThat(submitWith(token(TRUSTED, ISSUER, Instant.now().minus(Duration.ofMinutes(5)), List.of("UNIT"))))
                .hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithATrustedSignature() {
        assertThat(submitWith(token(TRUSTED, "http://someone-else.test", Instant.now().plusSeconds(600), List.of("UNIT"))))
                .hasStatus(401);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() {
        assertThat(submitWith(token(rsaKey("trusted"), ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")))).hasStatus(401);
    }

    @Test
    void aTokenMadeForAnotherAudienceIsRefused() {
        assertThat(submitWith(sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")).audience("another-app").build())))
                .hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenNamingNoAudienceIsRefused() {
        assertThat(submitWith(sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")).audience((String) null).build())))
                .hasStatus(401);
    }

    @Test
    void aTokenExpiredByMoreThanTheAllowedClockSkewIsRefused() {
        // the allowance is 30 s (herald.security.token.clock-skew), not the decoder's default minute
        assertThat(submitWith(token(TRUSTED, ISSUER, Instant.now().minusSeconds(45), List.of("UNIT")))).hasStatus(401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")).build().toString());
        assertThat(submitWith(header + "." + payload + ".")).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenSignedWithAnHmacKeyIsRefused() throws Exception {
        // the classic confusion: the issuer's public key used as an HMAC secret
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TRUSTED.getKeyID()).build(),
                claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")).build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(TRUSTED.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertThat(submitWith(jwt.serialize())).hasStatus(401);
    }

    @Test
    void aUnitTokenThatDoesNotNameItsUnitIsRefusedAtEveryEndpoint() {
        String token = sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT")).claim("unit", null).build());

        assertThat(submitWith(token)).hasStatus(401);
        assertThat(http.get().uri("/api/feeds").header("Authorization", "Bearer " + token).exchange()).hasStatus(401);
        assertThat(http.get().uri("/api/drafts").header("Authorization", "Bearer " + token).exchange()).hasStatus(401);
    }

    @Test
    void aUnitReviewerTokenThatDoesNotNameItsUnitIsRefused() {
        String token = sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT_REVIEWER")).claim("unit", null).build());

        assertThat(http.get().uri("/api/reports").header("Authorization", "Bearer " + token).exchange()).hasStatus(401);
        assertThat(http.get().uri("/api/reports").header("Authorization", "Bearer " + sign(TRUSTED,
                claims(ISSUER, Instant.now().plusSeconds(600), List.of("UNIT_REVIEWER")).build())).exchange()).hasStatus(200);
    }

    @Test
    void aSubscriberTokenThatDoesNotNameItsSubscriberIsRefused() {
        String token = sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("SUBSCRIBER")).claim("unit", null).build());
        assertThat(http.get().uri("/api/units").header("Authorization", "Bearer " + token).exchange()).hasStatus(401);
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        assertThat(submitWith(sign(TRUSTED, claims(ISSUER, Instant.now().plusSeconds(600), List.of("SUBSCRIBER"))
                .claim("subscriber", "reader-1").build()))).hasStatus(403);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult submitWith(String token) {
        return http.post().uri("/api/reports").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"党建动态\",\"title\":\"真令牌\",\"body\":\"正文\"}").exchange();
    }

    private static String token(RSAKey key, String issuer, Instant expires, List<String> roles) {
        return sign(key, claims(issuer, expires, roles).build());
    }

    /** What the platform's issuer puts in a unit's token: issuer, audience, roles and the unit acted for. */
    private static JWTClaimsSet.Builder claims(String issuer, Instant expires, List<String> roles) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("unit-1").audience("herald")
                .claim("roles", roles).claim("unit", "南宁市中医医院党委")
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static RSAKey rsaKey(String id) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(id).build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
