package dev.herald.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for a subscriber's webhook endpoint. It records every
 * call, and each path can be told to answer its first calls with 500 or to stall past the client's timeout.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Call(String path, String webhookId, String contentType, String body, Instant at, int answeredWith) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stallsLeft = new ConcurrentHashMap<>();
    private volatile Duration stall = Duration.ZERO;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void failFirst(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    public void stallFirst(String path, int times, Duration howLong) {
        stall = howLong;
        stallsLeft.put(path, new AtomicInteger(times));
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Instant at = Instant.now();
            if (takeOne(stallsLeft, path)) {
                sleep(stall);
            }
            int status = takeOne(failuresLeft, path) ? 500 : 200;
            calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Webhook-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, at, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static boolean takeOne(Map<String, AtomicInteger> budget, String path) {
        AtomicInteger left = budget.get(path);
        return left != null && left.getAndDecrement() > 0;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
