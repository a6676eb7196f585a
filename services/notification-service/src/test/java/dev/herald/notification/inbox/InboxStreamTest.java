package dev.herald.notification.inbox;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live stream, over a real socket: a new notice arrives as a Server-Sent Event while the reader waits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class InboxStreamTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @LocalServerPort
    int port;

    static final String ISSUER = "http://issuer.herald.test";
    static final com.nimbusds.jose.jwk.RSAKey KEY = key();
    static final com.sun.net.httpserver.HttpServer JWKS = jwks();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void aNewNoticeArrivesOnTheOpenStream() throws Exception {
        String reader = "流读者-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = "流测试单位-" + UUID.randomUUID().toString().substring(0, 8);
        String token = token(reader);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/subscriptions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"filter\":{\"units\":[\"" + unit + "\"]},\"delivery\":{\"type\":\"INBOX\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/subscribers/" + java.net.URLEncoder.encode(reader, StandardCharsets.UTF_8)
                                + "/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> firstData(stream.body()));

        String articleId = "rpt-" + UUID.randomUUID();
        kafka.publish("article-published", unit, """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","version":1,"unit":"%s","channel":"党建动态",
                 "title":"直播测试","body":"正文。","tags":[],"moderator":"m","publishedAt":"2026-11-20T03:00:00Z"}"""
                .formatted(UUID.randomUUID(), articleId, unit), Map.of());

        String data = firstEvent.get(30, TimeUnit.SECONDS);
        assertThat(data).contains(articleId, "直播测试");
        stream.body().close();
    }

    @org.springframework.beans.factory.annotation.Autowired
    InboxStreams streams;

    @Test
    void anInstanceThatStopsEndsItsOpenStreamsAtOnceRatherThanWaitingForThem() throws Exception {
        String reader = "停机读者-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/subscribers/" + java.net.URLEncoder.encode(reader, StandardCharsets.UTF_8)
                                + "/notifications/stream?seconds=600"))
                        .header("Authorization", "Bearer " + token(reader)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                while (lines.readLine() != null) {
                    // the opening comment, then nothing until the end
                }
                return true;
            } catch (java.io.IOException e) {
                return true;
            }
        });
        try {
            streams.stop();
            assertThat(ended.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            streams.start();
        }
    }

    private static String token(String subscriber) throws Exception {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER).subject("subscriber:" + subscriber)
                .audience("herald").claim("roles", List.of("SUBSCRIBER")).claim("subscriber", subscriber)
                .issueTime(new java.util.Date()).expirationTime(java.util.Date.from(Instant.now().plusSeconds(600))).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static com.nimbusds.jose.jwk.RSAKey key() {
        try {
            return new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("stream-test").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.sun.net.httpserver.HttpServer jwks() {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new com.nimbusds.jose.jwk.JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstData(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    return line.substring(5);
                }
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
