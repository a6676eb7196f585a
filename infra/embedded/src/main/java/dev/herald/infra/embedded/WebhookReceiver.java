package dev.herald.infra.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for a subscriber's webhook endpoint. It records every call
 * and checks its Standard Webhooks signature the way a subscriber would, written here from the
 * specification rather than borrowed from the service. Each path can be scripted: answers for its first
 * calls (a status, optionally Retry-After), an answer for every call after those, or a stall past the
 * client's timeout.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How far a webhook-timestamp may be from the receiver's clock, as the specification suggests. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /**
     * @param signatureValid whether webhook-signature matches the path's secret, and webhook-timestamp is recent;
     *                       false too when no secret was given for the path
     */
    public record Call(String path, String webhookId, String timestamp, String signature, String contentType,
                       String body, Instant at, int answeredWith, boolean signatureValid) {

        public boolean accepted() {
            return answeredWith >= 200 && answeredWith < 300;
        }
    }

    /** @param retryAfter the Retry-After header to send, or null */
    public record Answer(int status, String retryAfter) {

        public static Answer of(int status) {
            return new Answer(status, null);
        }

        public Answer retryAfter(String value) {
            return new Answer(status, value);
        }
    }

    private final HttpServer server;
    // daemon threads: a receiver a test forgot to close must not keep the test JVM alive
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger callCount = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> afterwards = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stallsLeft = new ConcurrentHashMap<>();
    private volatile Duration stall = Duration.ZERO;
    private volatile boolean recording = true;

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

    /** The subscription's whsec_ secret, to check the signatures of calls to the path. */
    public void expectSecret(String path, String secret) {
        secrets.put(path, secret);
    }

    /** Answers the path's next calls with these, in order, and then as {@link #answerAfterwards} says (200 unless told). */
    public void answerFirst(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedQueue<>(List.of(answers)));
    }

    public void failFirst(String path, int times) {
        answerFirst(path, java.util.Collections.nCopies(times, Answer.of(500)).toArray(Answer[]::new));
    }

    public void answerAfterwards(String path, Answer answer) {
        afterwards.put(path, answer);
    }

    public void stallFirst(String path, int times, Duration howLong) {
        stall = howLong;
        stallsLeft.put(path, new AtomicInteger(times));
    }

    /** Only counts calls from now on, for a benchmark whose thousands of bodies need not be kept. */
    public void countOnly() {
        recording = false;
    }

    public int callCount() {
        return callCount.get();
    }

    /** Distinct webhook-ids answered with a 2xx, on every path. */
    public int acceptedIds() {
        return acceptedIds.size();
    }

    /** Calls to a path with a known secret whose signature did not verify. */
    public int badSignatures() {
        return badSignatures.get();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Instant at = Instant.now();
            AtomicInteger stalls = stallsLeft.get(path);
            if (stalls != null && stalls.getAndDecrement() > 0) {
                sleep(stall);
            }
            Queue<Answer> script = scripts.get(path);
            Answer scripted = script == null ? null : script.poll();
            Answer answer = scripted != null ? scripted : afterwards.getOrDefault(path, Answer.of(200));
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            String timestamp = headers.getFirst("webhook-timestamp");
            String signature = headers.getFirst("webhook-signature");
            String secret = secrets.get(path);
            boolean verified = verifies(secret, id, timestamp, signature, body, at);
            callCount.incrementAndGet();
            if (secret != null && !verified) {
                badSignatures.incrementAndGet();
            }
            if (answer.status() >= 200 && answer.status() < 300 && id != null) {
                acceptedIds.add(id);
            }
            if (recording) {
                calls.add(new Call(path, id, timestamp, signature, headers.getFirst("Content-Type"), body, at,
                        answer.status(), verified));
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    /**
     * Standard Webhooks verification: the key is the base64 after "whsec_"; the signed content is
     * id.timestamp.body; the header holds space-separated "v1,base64" signatures, any of which may match.
     */
    public static boolean verifies(String secret, String id, String timestamp, String header, String body, Instant now) {
        if (secret == null || id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                String[] parts = candidate.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
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
