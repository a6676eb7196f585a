package dev.herald.benchmarks.matching;

import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.NaiveMatcher;
import dev.herald.notification.matching.SubscriptionCriteria;
import dev.herald.notification.matching.SubscriptionIndex;
import dev.herald.notification.matching.SubscriptionMatch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of `./herald matching-bench` around JMH. {@code parity}: the index and the naive loop must
 * find the same matches on the benchmark's articles before either is timed. {@code summary CSV}: the
 * README's table from JMH's figures, then what an index of a million subscriptions costs to build, to hold
 * and to change, and how many matches an article makes at each size.
 */
public final class MatchingReport {

    private static final int[] SIZES = {10_000, 100_000, 1_000_000};

    private MatchingReport() {
    }

    public static void main(String[] args) throws IOException {
        MatchingWorkload workload = MatchingWorkload.load();
        if (args.length > 0 && args[0].equals("parity")) {
            System.exit(parity(workload) ? 0 : 1);
        }
        summary(workload, Path.of(args[1]));
    }

    private static boolean parity(MatchingWorkload workload) {
        boolean same = true;
        for (int size : new int[]{10_000, 100_000}) {
            List<SubscriptionCriteria> all = workload.subscriptions(size);
            SubscriptionIndex index = SubscriptionIndex.of(all);
            NaiveMatcher naive = new NaiveMatcher(all);
            long matches = 0;
            for (ArticleText article : workload.articles) {
                List<SubscriptionMatch> expected = sorted(naive.match(article));
                if (!sorted(index.match(article)).equals(expected)) {
                    System.out.printf("MISMATCH at %,d subscriptions on article \"%s\"%n", size, article.title());
                    same = false;
                }
                matches += expected.size();
            }
            System.out.printf(Locale.ROOT, "parity at %,d subscriptions: index and naive loop %s on %d articles (%,d matches)%n",
                    size, same ? "agree" : "DISAGREE", workload.articles.size(), matches);
        }
        return same;
    }

    private static void summary(MatchingWorkload workload, Path csv) throws IOException {
        Map<Integer, Map<String, double[]>> figures = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length < 8) {
                continue;
            }
            String name = cells[0].substring(cells[0].lastIndexOf('.') + 1);
            figures.computeIfAbsent(Integer.parseInt(cells[7]), k -> new TreeMap<>())
                    .put(name, new double[]{Double.parseDouble(cells[4]), parse(cells[5])});
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: %d cores (%s), %s %s; %d articles of %,.0f characters on average, "
                        + "a vocabulary of %,d words, %d channels, %d units%n", Runtime.getRuntime().availableProcessors(), cpu(),
                System.getProperty("java.vm.name"), Runtime.version(), workload.articles.size(), workload.meanArticleLength(),
                workload.vocabulary.size(), workload.channels.size(), workload.units.size());
        System.out.println();
        System.out.println("| subscriptions | index, ms/article | ± (99.9%) | naive loop, ms/article | ± (99.9%) | index faster by | matches/article (mean, max) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int size : SIZES) {
            Map<String, double[]> row = figures.getOrDefault(size, Map.of());
            List<SubscriptionCriteria> all = workload.subscriptions(size);
            SubscriptionIndex index = SubscriptionIndex.of(all);
            int[] matches = workload.articles.stream().mapToInt(a -> index.match(a).size()).toArray();
            double[] indexed = row.get("index");
            double[] naive = row.get("naiveLoop");
            System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %,.0f, %,d |%n", size, ms(indexed, 0), ms(indexed, 1),
                    ms(naive, 0), ms(naive, 1), indexed == null || naive == null ? "" : "%,.0f×".formatted(naive[0] / indexed[0]),
                    Arrays.stream(matches).average().orElse(0), Arrays.stream(matches).max().orElse(0));
        }
        footprint(workload);
    }

    /** Build time, heap and change costs at the largest size; rough, one run each (build: best of three). */
    private static void footprint(MatchingWorkload workload) {
        int size = SIZES[SIZES.length - 1];
        List<SubscriptionCriteria> all = workload.subscriptions(size);
        long before = usedHeap();
        long best = Long.MAX_VALUE;
        SubscriptionIndex index = null;
        for (int run = 0; run < 3; run++) {
            index = null;
            usedHeap();
            long start = System.nanoTime();
            index = SubscriptionIndex.of(all);
            best = Math.min(best, System.nanoTime() - start);
        }
        long held = usedHeap() - before;

        List<SubscriptionCriteria> more = workload.subscriptions(size + 200).subList(size, size + 200);
        List<SubscriptionCriteria> renamed = more.stream().map(c -> new SubscriptionCriteria("new-" + c.subscriptionId(),
                c.channels(), c.units(), c.keywords(), c.savedQuery())).toList();
        SubscriptionIndex changed = index;
        long start = System.nanoTime();
        for (SubscriptionCriteria c : renamed) {
            changed = changed.with(c);
        }
        double perAdd = (System.nanoTime() - start) / 1e6 / renamed.size();
        start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            changed = changed.without(all.get(i * 997).subscriptionId());
        }
        double perRemove = (System.nanoTime() - start) / 1e6 / 200;
        start = System.nanoTime();
        SubscriptionIndex compacted = changed.compacted();
        double compact = (System.nanoTime() - start) / 1e6;

        System.out.println();
        System.out.printf(Locale.ROOT, "| at %,d subscriptions | |%n| --- | --- |%n", size);
        System.out.printf(Locale.ROOT, "| build the index (best of 3) | %,.0f ms |%n", best / 1e6);
        System.out.printf(Locale.ROOT, "| heap it holds (rough: used heap after GC, criteria excluded) | %,.0f MB |%n", held / 1e6);
        System.out.printf(Locale.ROOT, "| add one subscription (mean of 200, overlay growing to 200) | %.2f ms |%n", perAdd);
        System.out.printf(Locale.ROOT, "| remove one subscription (mean of 200, overlay at 200 to 400) | %.2f ms |%n", perRemove);
        System.out.printf(Locale.ROOT, "| fold the 400 changes into a new base | %,.0f ms |%n", compact);
        System.out.printf(Locale.ROOT, "(%,d subscriptions after the changes)%n", compacted.size());
    }

    private static String ms(double[] figure, int which) {
        if (figure == null) {
            return "";
        }
        double v = figure[which];
        return Double.isNaN(v) ? "" : v >= 100 ? "%,.0f".formatted(v) : v >= 1 ? "%.2f".formatted(v) : "%.3f".formatted(v);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static double parse(String cell) {
        return cell.isBlank() || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
    }

    private static List<SubscriptionMatch> sorted(List<SubscriptionMatch> matches) {
        List<SubscriptionMatch> copy = new ArrayList<>(matches);
        copy.sort(Comparator.comparing(SubscriptionMatch::subscriptionId));
        return copy;
    }
}
