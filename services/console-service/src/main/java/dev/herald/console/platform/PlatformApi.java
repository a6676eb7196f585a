package dev.herald.console.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The services' public HTTP APIs as the pages use them: each call carries the signed-in person's token, and
 * a service's problem+json answer becomes an {@link ApiProblem} the page can show.
 */
@Component
public class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, URI> bases = new EnumMap<>(Service.class);
    private final AccessTokens tokens;
    private final HttpClient streams;
    private final java.time.Duration timeout;

    public PlatformApi(ConsoleProperties properties, AccessTokens tokens) {
        this.tokens = tokens;
        this.timeout = properties.timeout();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        streams = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        bases.put(Service.INGEST, properties.ingestUrl());
        bases.put(Service.MODERATION, properties.moderationUrl());
        bases.put(Service.SEARCH, properties.searchUrl());
        bases.put(Service.NOTIFICATION, properties.notificationUrl());
        bases.forEach((service, base) -> clients.put(service, client(base, factory)));
    }

    private static RestClient client(URI base, JdkClientHttpRequestFactory factory) {
        return RestClient.builder().baseUrl(base.toString()).requestFactory(factory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).build();
    }

    public <T> T get(Service service, Function<UriBuilder, URI> uri, Class<T> type) {
        return call(service, () -> clients.get(service).get().uri(uri).headers(this::authorize).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                }).body(type));
    }

    public <T> T post(Service service, Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return post(service, uri, body, Map.of(), type);
    }

    public <T> T post(Service service, Function<UriBuilder, URI> uri, Object body, Map<String, String> headers, Class<T> type) {
        return call(service, () -> clients.get(service).post().uri(uri).headers(this::authorize)
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                }).body(type));
    }

    public <T> T patch(Service service, Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return call(service, () -> clients.get(service).patch().uri(uri).headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                }).body(type));
    }

    /** A PUT whose answer the page does not need (it reads the list again). */
    public void put(Service service, Function<UriBuilder, URI> uri, Object body) {
        call(service, () -> clients.get(service).put().uri(uri).headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                }).toBodilessEntity());
    }

    public void delete(Service service, Function<UriBuilder, URI> uri) {
        call(service, () -> clients.get(service).delete().uri(uri).headers(this::authorize).retrieve()
                .onStatus(s -> s.isError(), (request, response) -> {
                    throw problem(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                }).toBodilessEntity());
    }

    /**
     * Opens a service's Server-Sent Events stream with the person's token, on the calling (request) thread, where
     * the token is known; the caller reads it on another. No read timeout: a stream is quiet between events (the
     * service writes a keep-alive now and then), and ends when the service closes it.
     */
    public InputStream stream(Service service, URI path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bases.get(service).resolve(path))
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE).GET();
        tokens.current().ifPresent(token -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        try {
            HttpResponse<InputStream> response = streams.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                try (InputStream body = response.body()) {
                    throw problem(service, response.statusCode(), body.readAllBytes());
                }
            }
            return response.body();
        } catch (IOException e) {
            throw new Unavailable(service.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(service.label(), e);
        }
    }

    /** A service's answer that goes on after its headers: where it points ({@code Location}) and the rest of its body. */
    public record Streamed(String location, InputStream body) {
    }

    /**
     * Sends a file as a request's body with the person's token and returns once the service's headers arrive, for an
     * answer that streams while the service works through the file (a bulk import): the caller reads the rest on
     * another thread. A refusal, which the service answers before it starts, is an {@link ApiProblem}.
     */
    public Streamed upload(Service service, URI path, String contentType, byte[] file, Map<String, String> headers) {
        // the timeout runs until the answer's headers, which a service sends once it has read the file's first item
        HttpRequest.Builder request = HttpRequest.newBuilder(bases.get(service).resolve(path)).timeout(timeout)
                .header(HttpHeaders.CONTENT_TYPE, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(file));
        headers.forEach(request::header);
        tokens.current().ifPresent(token -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        try {
            HttpResponse<InputStream> response = streams.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                try (InputStream body = response.body()) {
                    throw problem(service, response.statusCode(), body.readAllBytes());
                }
            }
            return new Streamed(response.headers().firstValue(HttpHeaders.LOCATION).orElse(null), response.body());
        } catch (IOException e) {
            throw new Unavailable(service.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(service.label(), e);
        }
    }

    private void authorize(HttpHeaders headers) {
        tokens.current().ifPresent(headers::setBearerAuth);
    }

    private static <T> T call(Service service, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new Unavailable(service.label(), e);
        }
    }

    /** Reads an RFC 9457 problem; any other error body still gives the status. */
    static ApiProblem problem(Service service, int status, byte[] body) {
        String title = null;
        String detail = null;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(body);
            title = text(problem.path("title"));
            detail = text(problem.path("detail"));
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiProblem.FieldError(text(error.path("field")), text(error.path("message"))));
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say: the status alone tells the person enough
        }
        return new ApiProblem(service.label(), status, title, detail, errors);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
