package dev.herald.search.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Which backend holds the searchable articles ({@code herald.search.backend}) and how to reach a search engine
 * ({@code herald.search.engine.*}).
 *
 * @param backend {@code embedded}: a Lucene index on this instance's disk, the default; {@code opensearch}: an
 *                OpenSearch cluster that every instance shares
 * @param engine  the cluster, when the backend is {@code opensearch}
 */
@ConfigurationProperties("herald.search")
public record EngineProperties(Backend backend, OpenSearch engine) {

    public enum Backend { EMBEDDED, OPENSEARCH }

    /**
     * @param hosts          the nodes' HTTP addresses ({@code http://search-1:9200,http://search-2:9200}); the client
     *                       spreads requests over them and skips a node that stops answering
     * @param alias          the name searches and writes go to; it points at one physical index, {@code alias-<time>},
     *                       and a rebuild fills a new one before moving the alias
     * @param shards         primary shards of a new physical index: how far one index can spread over nodes
     * @param replicas       copies of each shard on other nodes: how many nodes may fail with searches answering
     * @param requestTimeout how long one request may take before the client tries another node
     */
    public record OpenSearch(List<String> hosts, String alias, int shards, Integer replicas, Duration requestTimeout) {

        public OpenSearch {
            hosts = hosts == null || hosts.isEmpty() ? List.of("http://127.0.0.1:9200") : List.copyOf(hosts);
            alias = alias == null || alias.isBlank() ? "herald-articles" : alias;
            shards = shards > 0 ? shards : 2;
            // zero replicas is a choice (one node), so only an absent setting means the default
            replicas = replicas == null ? 1 : replicas;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        }
    }

    public EngineProperties {
        backend = backend == null ? Backend.EMBEDDED : backend;
        engine = engine == null ? new OpenSearch(null, null, 0, null, null) : engine;
    }
}
