package dev.herald.support.web;

import dev.herald.infra.embedded.RawHttp;
import dev.herald.support.security.AccessRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request nobody can read (a query string that is not percent-encoded UTF-8, a path the request firewall
 * or Tomcat itself refuses, a header with control characters) is the client's mistake: a 400 problem+json
 * from every layer that can refuse it, and nothing logged as an unexpected failure. Requests go over a raw
 * socket, as a fuzzer sends them, because an HTTP client would refuse to send most of them (HTTP/1.0, so
 * the answer comes unchunked).
 */
@SpringBootTest(classes = MalformedRequestsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "spring.cloud.stream.defaultBinder=kafka",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks"})
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    // no component scan: this package holds the production error controller, which must come from the auto-configuration
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(App.Echo.class)
    static class App {

        @RestController
        static class Echo {

            @GetMapping("/api/echo")
            String echo(@RequestParam(defaultValue = "") String q) {
                return "echo " + q;
            }

            @GetMapping("/api/echo/{id}")
            String one(@PathVariable String id) {
                return "echo " + id;
            }

            record Note(String title, java.util.List<String> tags) {
            }

            @org.springframework.web.bind.annotation.PostMapping("/api/echo")
            String post(@org.springframework.web.bind.annotation.RequestBody Note note) {
                return "echo " + note.title();
            }

            @org.springframework.web.bind.annotation.PostMapping("/api/echo/keyed")
            String keyed(@org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key") String key) {
                return "echo " + key;
            }
        }

        @Bean
        io.micrometer.core.instrument.MeterRegistry meterRegistry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }

        @Bean
        AccessRules openEcho() {
            return rules -> rules.requestMatchers("/api/echo", "/api/echo/**").permitAll();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aWellFormedRequestIsAnswered() throws IOException {
        RawHttp.Answer answer = send("GET /api/echo?q=%E5%85%9A HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("echo 党");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/echo?after=%FF%FF",            // not UTF-8
            "/api/echo?q=%E5%85",                // a character cut short
            "/api/echo?q=%",                     // a percent sign with nothing after it
            "/api/echo?q=%zz&page=1",            // not hexadecimal
            "/api/echo;jsessionid=1",            // the firewall refuses path parameters
            "/api/echo/a;b",
            "/api/echo/%00",                     // a NUL
            "/api/echo/a%2Fb",                   // an encoded slash
            "/api/echo/..%2F..%2Fetc%2Fpasswd",  // an encoded traversal
            "/api/../../etc/passwd",             // a traversal above the root
            "/%ZZ",
            "/api/echo/%C0%AE%C0%AE",            // an overlong encoding of '..'
    })
    void aMalformedRequestIsA400Problem(String target, CapturedOutput log) throws IOException {
        RawHttp.Answer answer = send("GET " + target + " HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").containsPattern("\"type\":\"https://herald.dev/problems/(malformed|bad)-request\"");
        assertThat(log.getAll()).doesNotContain("Unexpected failure");
    }

    @Test
    void aHeaderWithControlCharactersIsA400Problem() throws IOException {
        RawHttp.Answer answer = send("GET /api/echo HTTP/1.0\r\nHost: localhost\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPathNobodyMapsIsAProblemNotAnHtmlPage(CapturedOutput log) throws IOException {
        RawHttp.Answer answer = send("GET /api/nothing-here HTTP/1.0\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"" + ProblemTypes.forStatus(answer.status()) + "\"");
        assertThat(log.getAll()).doesNotContain("Unexpected failure");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"deeply nested", "not UTF-8", "a truncated document", "a number where text belongs",
            "a duplicate field", "a NUL in a string", "XML", "nothing at all"})
    void aBodyNobodyCanReadIsA400Problem(String kind, CapturedOutput log) throws IOException {
        byte[] body = switch (kind) {
            case "deeply nested" -> ("{\"title\":\"t\",\"tags\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case "not UTF-8" -> new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case "a truncated document" -> "{\"title\":\"半".getBytes(StandardCharsets.UTF_8);
            case "a number where text belongs" -> "{\"title\":{\"a\":1},\"tags\":7}".getBytes(StandardCharsets.UTF_8);
            case "a duplicate field" -> "{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8);
            case "a NUL in a string" -> "{\"title\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
            case "XML" -> "<note><title>t</title></note>".getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
        String type = kind.equals("XML") ? "application/xml" : "application/json";
        byte[] head = ("POST /api/echo HTTP/1.0\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);

        RawHttp.Answer answer = send(request);

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).as(answer.toString()).containsPattern("\"type\":\"https://herald.dev/problems/[a-z-]+\"");
        assertThat(log.getAll()).doesNotContain("Unexpected failure");
    }

    @Test
    void aHeaderTheFirewallRefusesOnceTheControllerReadsItIsA400Problem(CapturedOutput log) throws IOException {
        byte[] head = "POST /api/echo/keyed HTTP/1.0\r\nHost: localhost\r\nIdempotency-Key: ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] key = "ключ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + key.length + tail.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(key, 0, request, head.length, key.length);
        System.arraycopy(tail, 0, request, head.length + key.length, tail.length);

        RawHttp.Answer answer = send(request);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(log.getAll()).doesNotContain("Unexpected failure");
    }

    @Test
    void jsonSentUnderAFormsContentTypeIsAProblemNotAFailure(CapturedOutput log) throws IOException {
        String body = "{\"title\":\"半\",\"tags\":[\"a\"]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = send(("POST /api/echo HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1)));

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(log.getAll()).doesNotContain("Unexpected failure");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"*/*; q=abc", "application/json;charset=zz"})
    void anAcceptHeaderNobodyCanReadIsA400Problem(String accept) throws IOException {
        RawHttp.Answer answer = send("GET /api/echo?q=1 HTTP/1.0\r\nHost: localhost\r\nAccept: " + accept + "\r\n\r\n");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("Accept header");
    }

    @Test
    void aClientAskingForHtmlStillLearnsWhatWentWrongAsAProblem() throws IOException {
        RawHttp.Answer answer = send("POST /api/echo HTTP/1.0\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"title");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("not readable JSON");
    }

    private RawHttp.Answer send(String request) throws IOException {
        return RawHttp.send("http://127.0.0.1:" + port, request);
    }

    private RawHttp.Answer send(byte[] request) throws IOException {
        return RawHttp.send("http://127.0.0.1:" + port, request);
    }
}
