package dev.herald.console;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The four services, stubbed at the HTTP level: one loopback server answering what a test said for
 * "METHOD /path" (query ignored), and remembering every request so a test can see what the console sent.
 * Unknown paths answer a 404 problem, as the services do.
 */
public final class StubServices {

    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    public record Received(String method, String path, String query, String authorization, String idempotencyKey, String body,
                           String contentType) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubServices() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), path,
                    query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Answer(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such thing\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public static StubServices start() {
        return new StubServices();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubServices json(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, "application/json", body));
        return this;
    }

    public StubServices problem(String method, String path, int status, String detail) {
        answers.put(method + " " + path, new Answer(status, "application/problem+json",
                "{\"status\":" + status + ",\"title\":\"Problem\",\"detail\":\"" + detail + "\"}"));
        return this;
    }

    public StubServices raw(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
        return this;
    }

    /** An answer with headers of its own (a Location, say). */
    public StubServices withHeaders(String method, String path, int status, String contentType, String body, Map<String, String> headers) {
        answers.put(method + " " + path, new Answer(status, contentType, body, headers));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last(String method, String path) {
        return received.reversed().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("the console never sent " + method + " " + path + "; it sent " + received));
    }

    public void reset() {
        answers.clear();
        received.clear();
    }
}
