package dev.herald.benchmarks.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Draws items with probability proportional to 1 / rank^exponent, the shape of word popularity. */
final class Zipf<T> {

    private final List<T> items;
    private final double[] cumulative;

    Zipf(List<T> items, double exponent) {
        this.items = List.copyOf(items);
        cumulative = new double[items.size()];
        double sum = 0;
        for (int rank = 1; rank <= items.size(); rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    T draw(Random random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return items.get(Math.min(items.size() - 1, at >= 0 ? at : -at - 1));
    }
}
