package dev.herald.searchbench;

import dev.herald.search.article.ArticleStore;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.search.engine.EngineProperties;
import dev.herald.search.engine.OpenSearchArticles;
import dev.herald.search.index.IndexProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Fills the engine's index the way the service does when it finds it empty: {@link OpenSearchArticles#rebuildFrom}
 * reading the store and writing bulk requests, the same class the service runs. Then asks the engine what the
 * index holds and weighs on disk, after a flush, so that the translog is not counted as index.
 */
final class EngineBuild {

    static final String ALIAS = "herald-articles";

    /**
     * @param primaryBytes the primaries' store on disk: one copy of the index
     * @param totalBytes   every copy, replicas included
     */
    record Built(long documents, double seconds, long primaryBytes, long totalBytes, int shards, int replicas) {
    }

    private EngineBuild() {
    }

    static Built from(MongoTemplate template, List<String> hosts, Target target, Path unusedIndexPath)
            throws IOException, InterruptedException {
        DictionaryService dictionary = new DictionaryService(template, Clock.systemUTC());
        dictionary.refresh();
        IndexProperties index = new IndexProperties(unusedIndexPath, IndexBuild.ZONE, null, null, null, null);
        long documents;
        long started = System.nanoTime();
        try (OpenSearchArticles engine = new OpenSearchArticles(new EngineProperties.OpenSearch(hosts, ALIAS, Target.SHARDS,
                target.replicas(), Duration.ofMinutes(5)), index, dictionary)) {
            engine.ensureIndex();
            engine.rebuildFrom(new ArticleStore(template), "search benchmark");
            engine.refresh();
            documents = engine.size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        HttpClient http = HttpClient.newHttpClient();
        String host = hosts.getFirst();
        send(http, HttpRequest.newBuilder(URI.create(host + "/" + ALIAS + "/_flush?wait_if_ongoing=true"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        // both copies in place before the sizes are read and before anything is measured
        send(http, HttpRequest.newBuilder(URI.create(host + "/_cluster/health/" + ALIAS + "?wait_for_status="
                + (target.replicas() > 0 ? "green" : "yellow") + "&timeout=300s")).build());
        JsonNode all = JsonMapper.builder().build().readTree(send(http, HttpRequest.newBuilder(
                URI.create(host + "/" + ALIAS + "/_stats/store")).build())).path("_all");
        return new Built(documents, seconds, all.path("primaries").path("store").path("size_in_bytes").asLong(),
                all.path("total").path("store").path("size_in_bytes").asLong(), Target.SHARDS, target.replicas());
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
