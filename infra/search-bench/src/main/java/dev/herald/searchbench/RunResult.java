package dev.herald.searchbench;

import java.util.List;

/**
 * Everything one run found, for the report: the levels in the order HTTP 1 and 8, raw Lucene 1 and 8, the scan.
 *
 * @param rebuilt    whether the service rebuilt the index on start instead of opening the benchmark's
 * @param mismatches queries whose total over HTTP differed from Lucene's exact count on the index
 */
record RunResult(Options options, Machine machine, ArticleLoad.Loaded loaded, IndexBuild.Built built, List<BenchQuery> queries,
                 List<Load.Level> levels, boolean rebuilt, List<String> mismatches) {

    static final String SCAN = "Mongo $regex";

    Load.Level http(int clients) {
        return level("HTTP", clients);
    }

    Load.Level lucene(int clients) {
        return level("raw Lucene", clients);
    }

    Load.Level scan() {
        return level(SCAN, 1);
    }

    private Load.Level level(String name, int clients) {
        return levels.stream().filter(l -> l.name().equals(name) && l.clients() == clients).findFirst().orElseThrow();
    }
}
