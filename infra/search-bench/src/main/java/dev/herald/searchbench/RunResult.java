package dev.herald.searchbench;

import java.util.List;

/**
 * Everything one run found, for the report: the levels in the order HTTP 1 and 8 for each backend, raw Lucene 1
 * and 8, the scan.
 *
 * @param built  the Lucene index the floor reads (and the embedded service opens)
 * @param served what each backend the service ran on was given and did
 */
record RunResult(Options options, Machine machine, ArticleLoad.Loaded loaded, IndexBuild.Built built, List<BenchQuery> queries,
                 List<Load.Level> levels, List<Served> served) {

    static final String SCAN = "Mongo $regex";

    /**
     * @param engine     the engine's index as built for it, or null on the embedded index
     * @param rebuilt    whether the service rebuilt its index on start instead of opening the benchmark's
     * @param mismatches queries whose total over HTTP differed from Lucene's exact count on the index
     */
    record Served(Target target, EngineBuild.Built engine, boolean rebuilt, List<String> mismatches) {
    }

    Load.Level http(Target target, int clients) {
        return level(target.level(), clients);
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
