package dev.herald.corpus.relevance;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two figures the relevance table reports, per query; a set's figure is the mean over its queries.
 *
 * <p>nDCG@k uses graded gains {@code 2^grade - 1} (3 for grade 2, 1 for grade 1) discounted by
 * {@code log2(rank + 1)}, divided by the same sum for the best possible order of the judged articles.
 * The reciprocal rank is {@code 1 / rank} of the first relevant article (any grade) within the first
 * {@code k}, else 0; its mean is the MRR. An id listed twice counts once, at its first rank.
 */
public final class RelevanceMetrics {

    private RelevanceMetrics() {
    }

    public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double ideal = idealDcg(grades.values(), k);
        return ideal == 0 ? 0 : dcg(ranking, grades, k) / ideal;
    }

    public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
        List<String> distinct = firstOccurrences(ranking, k);
        for (int i = 0; i < distinct.size(); i++) {
            if (grades.getOrDefault(distinct.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double dcg(List<String> ranking, Map<String, Integer> grades, int k) {
        List<String> distinct = firstOccurrences(ranking, k);
        double sum = 0;
        for (int i = 0; i < distinct.size(); i++) {
            sum += gain(grades.getOrDefault(distinct.get(i), 0)) / log2(i + 2);
        }
        return sum;
    }

    private static double idealDcg(Collection<Integer> grades, int k) {
        List<Integer> best = grades.stream().filter(g -> g > 0).sorted((a, b) -> b - a).limit(k).toList();
        double sum = 0;
        for (int i = 0; i < best.size(); i++) {
            sum += gain(best.get(i)) / log2(i + 2);
        }
        return sum;
    }

    private static List<String> firstOccurrences(List<String> ranking, int k) {
        Set<String> seen = new HashSet<>();
        return ranking.stream().filter(seen::add).limit(k).toList();
    }

    private static double gain(int grade) {
        return (1 << grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
