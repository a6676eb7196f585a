package dev.herald.searchbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop clients: each sends its next query as soon as the last one answered, walking the mix from
 * its own starting point so that concurrent clients do not send the same query at the same moment.
 * Queries started during the warm-up are not counted; a query started before the end is counted in full.
 */
final class Load {

    /** One way to answer a query; returns the number of matches, throws when the answer is not a success. */
    @FunctionalInterface
    interface Search {
        long hits(BenchQuery query) throws Exception;
    }

    /** @param meanHits the mean of what each answer reported as its total (the scan: what it returned) */
    record Level(String name, int clients, Latencies all, Map<String, Latencies> byKind, double seconds, double meanHits,
                 long errors, String firstError) {

        double qps() {
            return all.count() / seconds;
        }
    }

    private record Sample(BenchQuery query, long nanos, long hits) {
    }

    private record ClientRun(List<Sample> samples, long errors, String firstError) {
    }

    private Load() {
    }

    static Level run(String name, int clients, List<BenchQuery> queries, Duration warmup, Duration measure, Search search)
            throws Exception {
        return run(name, clients, queries, warmup, measure, Integer.MAX_VALUE, search);
    }

    /** @param limit the most queries each client sends; the level ends at whichever comes first, this or the time */
    static Level run(String name, int clients, List<BenchQuery> queries, Duration warmup, Duration measure, int limit,
                     Search search) throws Exception {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<ClientRun> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<ClientRun>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client * queries.size() / clients;
                futures.add(pool.submit(() -> client(queries, first, limit, measureFrom, end, search)));
            }
            for (Future<ClientRun> future : futures) {
                runs.add(future.get());
            }
        }
        List<Sample> samples = runs.stream().flatMap(r -> r.samples().stream()).toList();
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.query().kind(), k -> new ArrayList<>()).add(s.nanos()));
        Map<String, Latencies> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, nanos) -> kinds.put(kind, Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray())));
        long errors = runs.stream().mapToLong(ClientRun::errors).sum();
        String firstError = runs.stream().map(ClientRun::firstError).filter(e -> e != null).findFirst().orElse(null);
        double seconds = Math.min(measure.toNanos(), System.nanoTime() - measureFrom) / 1e9;
        return new Level(name, clients, Latencies.of(samples.stream().mapToLong(Sample::nanos).toArray()), kinds, seconds, samples.stream().mapToLong(Sample::hits).average().orElse(0), errors, firstError);
    }

    private static ClientRun client(List<BenchQuery> queries, int first, int limit, long measureFrom, long end, Search search) {
        List<Sample> samples = new ArrayList<>();
        long errors = 0;
        String firstError = null;
        for (int i = first; i - first < limit; i++) {
            long started = System.nanoTime();
            if (started >= end) {
                break;
            }
            BenchQuery query = queries.get(i % queries.size());
            try {
                long hits = search.hits(query);
                long took = System.nanoTime() - started;
                if (started >= measureFrom) {
                    samples.add(new Sample(query, took, hits));
                }
            } catch (Exception e) {
                errors++;
                if (firstError == null) {
                    firstError = query.text() + ": " + e;
                }
            }
        }
        return new ClientRun(samples, errors, firstError);
    }
}
