package dev.herald.launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for driving the platform from outside, as a user's script would. */
public final class HttpJson {

    public record Response(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String bearer;

    public HttpJson() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private HttpJson(HttpClient http, String bearer) {
        this.http = http;
        this.bearer = bearer;
    }

    /** The same client, sending the given access token with every request. */
    public HttpJson as(String accessToken) {
        return new HttpJson(http, accessToken);
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Response post(String url, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    public Response post(String url, Object body) {
        return post(url, body, Map.of());
    }

    /** An HTML-form POST with HTTP Basic credentials, as OAuth2 token endpoints take it. */
    public Response postForm(String url, Map<String, String> form, String user, String password) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, with an optional JSON body. */
    public Response request(String method, String url, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        return send(request);
    }

    public Response delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            JsonNode node = body == null || body.isBlank() ? json.missingNode() : parse(body);
            return new Response(response.statusCode(), node, response.headers().map());
        } catch (java.net.ConnectException e) {
            // the JDK's message is empty here; say which address refused, so a command run without the platform reads plainly
            throw new UncheckedIOException("nothing answers at " + request.build().uri().resolve("/"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
