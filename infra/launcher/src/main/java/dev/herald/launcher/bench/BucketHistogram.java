package dev.herald.launcher.bench;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One histogram as a Prometheus scrape shows it: cumulative counts per bucket upper bound (seconds), the
 * count and the sum. Two scrapes taken before and after a load make, by {@link #minus}, the histogram of
 * what happened in between, whose percentiles are read the way Prometheus's {@code histogram_quantile}
 * reads them: find the bucket holding the rank, interpolate linearly inside it. The true value lies
 * somewhere in that bucket; Micrometer's buckets are about 10-40 % apart, which bounds the error.
 */
public record BucketHistogram(NavigableMap<Double, Double> cumulative, double count, double sum) {

    public static final BucketHistogram EMPTY = new BucketHistogram(new TreeMap<>(), 0, 0);

    public BucketHistogram {
        cumulative = new TreeMap<>(cumulative);
    }

    /**
     * The histogram {@code metric} (a base name such as {@code herald_pipeline_decision_to_searchable_seconds})
     * from an exposition text, summing every series whose labels pass {@code labels}: a meter that several
     * instances or tags report is read as one.
     */
    public static BucketHistogram parse(String exposition, String metric, Predicate<String> labels) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double count = 0, sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric + "_") || line.startsWith("#")) continue;
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) continue;
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            String labelText = brace < 0 ? "" : line.substring(brace, line.lastIndexOf('}') + 1);
            if (!labels.test(labelText)) continue;
            double value = Double.parseDouble(line.substring(space + 1).strip());
            switch (name.substring(metric.length())) {
                case "_bucket" -> buckets.merge(bound(labelText), value, Double::sum);
                case "_count" -> count += value;
                case "_sum" -> sum += value;
                default -> {
                    // _max and others are not part of the histogram's difference
                }
            }
        }
        return new BucketHistogram(buckets, count, sum);
    }

    private static double bound(String labels) {
        int at = labels.indexOf("le=\"");
        String le = labels.substring(at + 4, labels.indexOf('"', at + 4));
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    /** What was recorded between {@code earlier} and this scrape. */
    public BucketHistogram minus(BucketHistogram earlier) {
        TreeMap<Double, Double> difference = new TreeMap<>();
        cumulative.forEach((le, n) -> difference.put(le, n - earlier.cumulative.getOrDefault(le, 0.0)));
        return new BucketHistogram(difference, count - earlier.count, sum - earlier.sum);
    }

    /** Mean in seconds, NaN when nothing was recorded. */
    public double mean() {
        return count <= 0 ? Double.NaN : sum / count;
    }

    /**
     * The q-quantile in seconds: the bucket whose cumulative count first reaches {@code q × count}, and
     * within it the linear share of the way from its lower to its upper bound (the lowest bucket's lower
     * bound is 0). A rank in the +Inf bucket answers the highest finite bound. NaN when nothing was recorded.
     */
    public double quantile(double q) {
        if (count <= 0) return Double.NaN;
        double rank = q * count;
        double lower = 0, below = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double upper = bucket.getKey(), atOrBelow = bucket.getValue();
            if (atOrBelow >= rank && atOrBelow > below) {
                if (Double.isInfinite(upper)) return lower;
                return lower + (upper - lower) * (rank - below) / (atOrBelow - below);
            }
            lower = upper;
            below = atOrBelow;
        }
        return lower;
    }

    /** The upper bound of the highest bucket that holds a sample: the maximum is at most this. NaN when empty. */
    public double maxBound() {
        if (count <= 0) return Double.NaN;
        double previous = 0, lower = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= count && bucket.getValue() > previous) {
                return Double.isInfinite(bucket.getKey()) ? lower : bucket.getKey();
            }
            previous = bucket.getValue();
            lower = bucket.getKey();
        }
        return lower;
    }
}
