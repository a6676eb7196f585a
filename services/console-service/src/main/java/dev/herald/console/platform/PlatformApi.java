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

import java.net.URI;
import java.net.http.HttpClient;
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
    private final AccessTokens tokens;

    public PlatformApi(ConsoleProperties properties, AccessTokens tokens) {
        this.tokens = tokens;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        clients.put(Service.INGEST, client(properties.ingestUrl(), factory));
        clients.put(Service.MODERATION, client(properties.moderationUrl(), factory));
        clients.put(Service.SEARCH, client(properties.searchUrl(), factory));
        clients.put(Service.NOTIFICATION, client(properties.notificationUrl(), factory));
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
