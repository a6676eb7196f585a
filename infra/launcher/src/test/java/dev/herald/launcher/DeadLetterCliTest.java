package dev.herald.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./herald dlq} against services that answer as the dead-letter API does: the search service
 * holds one letter, the others none, and the notification service is down.
 */
class DeadLetterCliTest {

    static final String ID = "article-published.search-service.dlq-1-7";
    static final String LETTER = """
            {"id":"%s","status":"PENDING","topic":"article-published","partition":1,"offset":42,
             "consumer":"articlePublished","group":"search-service","key":"rpt-1","dlqTopic":"article-published.search-service.dlq",
             "failedAt":"2026-06-01T08:00:00Z","recordedAt":"2026-06-01T08:00:01Z",
             "reason":{"exception":"org.springframework.messaging.MessageHandlingException","message":"failed",
                       "rootCause":"java.lang.IllegalStateException: channel 党建新闻 unknown",
                       "stackTrace":"org.springframework.messaging.MessageHandlingException: failed\\nCaused by: java.lang.IllegalStateException: channel 党建新闻 unknown"},
             "payload":"{\\"articleId\\":\\"rpt-1\\",\\"title\\":\\"标题\\"}","payloadEncoding":"utf-8",
             "headers":{"ce_id":"e-1"},"replays":[]}""".formatted(ID);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String replayOutcome = "REPLAYED";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private DeadLetterCli cli;

    @BeforeEach
    void services() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<HeraldService, String> urls = new EnumMap<>(HeraldService.class);
        urls.put(HeraldService.INGEST, base + "/ingest");
        urls.put(HeraldService.MODERATION, base + "/moderation");
        urls.put(HeraldService.SEARCH, base + "/search");
        urls.put(HeraldService.NOTIFICATION, "http://127.0.0.1:" + dev.herald.infra.embedded.Ports.free());
        cli = new DeadLetterCli(urls, new HttpJson().as("admin-token"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listShowsEveryServicesLettersWithTheirReasonAndFailsWhenAServiceDoesNotAnswer() {
        int status = cli.run(List.of("list"));

        assertThat(out()).contains(ID, "search", "PENDING", "rpt-1", "channel 党建新闻 unknown", "1 dead letter");
        assertThat(err()).contains("notification-service", "is not answering");
        assertThat(status).isEqualTo(1);
        assertThat(requests).allMatch(r -> r.contains("Bearer admin-token"));
    }

    @Test
    void listOfOneServiceAsksOnlyItWithTheFilters() {
        int status = cli.run(List.of("list", "--service=search", "--topic=article-published", "--status=pending"));

        assertThat(status).isZero();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r)
                .startsWith("GET /search/api/admin/dead-letters?").contains("topic=article-published", "status=PENDING"));
    }

    @Test
    void showFindsTheLetterInTheServiceThatHoldsItAndPrintsReasonPayloadAndStack() {
        int status = cli.run(List.of("show", ID));

        assertThat(status).isZero();
        assertThat(out()).contains("search-service", "article-published (partition 1, offset 42)",
                "java.lang.IllegalStateException: channel 党建新闻 unknown", "\"title\"", "标题", "ce_id: e-1",
                "Caused by: java.lang.IllegalStateException");
    }

    @Test
    void anUnknownLetterIsAFailure() {
        assertThat(cli.run(List.of("show", "article-published.search-service.dlq-0-999"))).isEqualTo(1);
        assertThat(err()).contains("no dead letter article-published.search-service.dlq-0-999");
    }

    @Test
    void replayPostsToTheOneServiceHoldingTheLetterAndFailsWhenItStillFails() {
        assertThat(cli.run(List.of("replay", ID))).isZero();
        assertThat(out()).contains(ID + ": REPLAYED");
        assertThat(requests).filteredOn(r -> r.startsWith("POST")).containsExactly(
                "POST /search/api/admin/dead-letters/" + ID + "/replay Bearer admin-token");

        replayOutcome = "FAILING";
        assertThat(cli.run(List.of("replay", ID))).isEqualTo(1);
        assertThat(err()).contains(ID + ": FAILING again: java.lang.IllegalStateException: still unknown");
    }

    @Test
    void replayAllAsksEveryServiceInScopeAndSumsUp() {
        int status = cli.run(List.of("replay", "--all", "--topic=article-published"));

        assertThat(requests).filteredOn(r -> r.startsWith("POST")).containsExactlyInAnyOrder(
                "POST /ingest/api/admin/dead-letters/replay?topic=article-published Bearer admin-token",
                "POST /moderation/api/admin/dead-letters/replay?topic=article-published Bearer admin-token",
                "POST /search/api/admin/dead-letters/replay?topic=article-published Bearer admin-token");
        assertThat(out()).contains(ID + ": REPLAYED", "Replayed 1.");
        // the notification service did not answer
        assertThat(status).isEqualTo(1);
        assertThat(cli.run(List.of("replay", "--all", "--service=search"))).isZero();
    }

    @Test
    void discardDeletesTheLetter() {
        assertThat(cli.run(List.of("discard", ID))).isZero();
        assertThat(out()).contains(ID + ": DISCARDED");
        assertThat(requests).filteredOn(r -> r.startsWith("DELETE")).singleElement()
                .satisfies(r -> assertThat(r).startsWith("DELETE /search/api/admin/dead-letters/" + ID));
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertThat(cli.run(List.of("show"))).isEqualTo(2);
        assertThat(cli.run(List.of("purge", ID))).isEqualTo(2);
        assertThat(cli.run(List.of("list", "--service=mail"))).isEqualTo(2);
        assertThat(cli.run(List.of("list", "--colour"))).isEqualTo(2);
        assertThat(err()).contains("usage: ./herald dlq");
        assertThat(requests).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        boolean search = path.startsWith("/search/");
        String rest = path.replaceFirst("^/\\w+/api/admin/dead-letters/?", "");
        String id = rest.equals("replay") ? "" : rest.replaceFirst("/replay$", "");
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && id.isEmpty()) {
            reply(exchange, 200, search ? "{\"total\":1,\"page\":0,\"size\":100,\"deadLetters\":[{\"id\":\"" + ID
                    + "\",\"status\":\"PENDING\",\"topic\":\"article-published\",\"consumer\":\"articlePublished\",\"key\":\"rpt-1\","
                    + "\"failedAt\":\"2026-06-01T08:00:00Z\",\"reason\":\"java.lang.IllegalStateException: channel 党建新闻 unknown\",\"replays\":0}]}"
                    : "{\"total\":0,\"page\":0,\"size\":100,\"deadLetters\":[]}");
        } else if (method.equals("POST") && id.isEmpty()) {
            reply(exchange, 200, search ? "{\"replayed\":1,\"deadLetters\":[{\"id\":\"" + ID + "\",\"outcome\":\"REPLAYED\"}]}"
                    : "{\"replayed\":0,\"deadLetters\":[]}");
        } else if (!search || !id.equals(ID)) {
            reply(exchange, 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"dead letter " + id + " not found\"}");
        } else if (method.equals("GET")) {
            reply(exchange, 200, LETTER);
        } else if (method.equals("POST")) {
            reply(exchange, 200, "{\"id\":\"" + ID + "\",\"outcome\":\"" + replayOutcome + "\",\"reason\":"
                    + (replayOutcome.equals("FAILING") ? "\"java.lang.IllegalStateException: still unknown\"" : "null") + "}");
        } else {
            reply(exchange, 200, LETTER.replace("\"PENDING\"", "\"DISCARDED\"")
                    .replace("\"replays\":[]", "\"replays\":[],\"discardedAt\":\"2026-06-02T00:00:00Z\",\"discardedBy\":\"admin\""));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
