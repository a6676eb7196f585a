package dev.herald.searchbench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/search?q=…&size=10} as a reader's page would send it, over kept-alive HTTP/1.1
 * connections. Only the status and the {@code total} are read from the answer: the client shares the
 * cores with the service, so it does as little as it can.
 */
final class HttpSearch implements Load.Search {

    private static final byte[] TOTAL = "\"total\":".getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, HttpRequest> requests;

    HttpSearch(String baseUrl, List<BenchQuery> queries) {
        requests = queries.stream().map(BenchQuery::text).distinct().collect(Collectors.toMap(Function.identity(),
                q -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(60)).build()));
    }

    @Override
    public long hits(BenchQuery query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(requests.get(query.text()), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return total(response.body());
    }

    /** The first {@code "total":} of the answer is the top-level one: only the query text comes before it. */
    private static long total(byte[] json) throws IOException {
        outer:
        for (int i = 0; i + TOTAL.length < json.length; i++) {
            for (int j = 0; j < TOTAL.length; j++) {
                if (json[i + j] != TOTAL[j]) {
                    continue outer;
                }
            }
            long total = 0;
            for (int k = i + TOTAL.length; k < json.length && json[k] >= '0' && json[k] <= '9'; k++) {
                total = total * 10 + (json[k] - '0');
            }
            return total;
        }
        throw new IOException("no total in the answer");
    }
}
