package dev.herald.search.index;

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
 * @param pinyin          how letters in a query are read as pinyin ({@code herald.search.pinyin.*})
 */
@ConfigurationProperties("herald.search")
public record IndexProperties(Path indexPath, ZoneId zone, String instanceId, Duration refreshInterval,
                              Duration commitInterval, PinyinQueries pinyin) {

    /**
     * How a group of letters in a query is matched as pinyin of titles and units. Zero (or a setting left
     * out) means the default.
     *
     * @param maxSpellings how many ways of splitting a group into syllables are tried (fangan: fang-an,
     *                     fan-gan); each is a phrase over the titles and units, so more cost more
     * @param maxInitials  the longest group read as initials ({@code nnszyyy}); longer ones are rarely meant
     *                     so and would only find noise
     * @param looseFrom    from how many syllables or initials a group may also match with its characters
     *                     apart, in order: {@code dangqipiaoyang} finds 让党旗在一线高高飘扬 the way 党旗飘扬
     *                     finds it through its words, which a run of syllables does not show
     * @param looseSlop    how far apart (in characters moved) those characters may be, and the groups of a
     *                     query, which score higher the closer together they are
     */
    public record PinyinQueries(int maxSpellings, int maxInitials, int looseFrom, int looseSlop) {

        public PinyinQueries {
            maxSpellings = maxSpellings > 0 ? maxSpellings : 4;
            maxInitials = maxInitials > 0 ? maxInitials : 8;
            looseFrom = looseFrom > 0 ? looseFrom : 4;
            looseSlop = looseSlop > 0 ? looseSlop : 12;
        }

        public static PinyinQueries defaults() {
            return new PinyinQueries(0, 0, 0, 0);
        }
    }

    public IndexProperties {
        indexPath = indexPath == null ? Path.of(System.getProperty("java.io.tmpdir"), "herald-search-index") : indexPath;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        refreshInterval = refreshInterval == null ? Duration.ofMillis(100) : refreshInterval;
        commitInterval = commitInterval == null ? Duration.ofSeconds(1) : commitInterval;
        pinyin = pinyin == null ? PinyinQueries.defaults() : pinyin;
    }

    static IndexProperties of(Path indexPath, ZoneId zone) {
        return new IndexProperties(indexPath, zone, null, null, null, null);
    }

    /** Every setting at its default; the index path is only a default too, for what never opens an index. */
    public static IndexProperties defaults() {
        return of(null, null);
    }

    /** For what is built before the properties beans are, such as the binding post-processor. */
    static IndexProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate("herald.search", IndexProperties.class);
    }
}
