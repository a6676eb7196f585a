package dev.herald.search.fulltext;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The search index and the instance that keeps it ({@code herald.search.*}).
 *
 * @param indexPath       where the index lives; it is rebuilt from the articles collection whenever it is
 *                        missing, damaged or of an older schema, and repaired where it differs from it
 * @param zone            the zone of the date filters and of the year facet
 * @param instanceId      names this instance's consumer group and processed-event records; by default an id
 *                        kept in the index folder, so an instance keeps its place in the topics across
 *                        restarts and a new index reads them from the start
 * @param refreshInterval how soon a write becomes searchable
 * @param commitInterval  how often writes are committed to disk; what a crash loses of them the next start
 *                        repairs from the store
 */
@ConfigurationProperties("herald.search")
public record IndexProperties(Path indexPath, ZoneId zone, String instanceId, Duration refreshInterval,
                              Duration commitInterval) {

    public IndexProperties {
        indexPath = indexPath == null ? Path.of(System.getProperty("java.io.tmpdir"), "herald-search-index") : indexPath;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        refreshInterval = refreshInterval == null ? Duration.ofMillis(100) : refreshInterval;
        commitInterval = commitInterval == null ? Duration.ofSeconds(1) : commitInterval;
    }

    static IndexProperties of(Path indexPath, ZoneId zone) {
        return new IndexProperties(indexPath, zone, null, null, null);
    }

    /** For what is built before the properties beans are, such as the binding post-processor. */
    static IndexProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate("herald.search", IndexProperties.class);
    }
}
