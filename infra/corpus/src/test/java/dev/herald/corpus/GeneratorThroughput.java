package dev.herald.corpus;

import java.util.concurrent.atomic.LongAdder;

/**
 * Measures the generator on one thread: {@code GeneratorThroughput [reports] [rounds]}, 100,000 reports and
 * three rounds by default (the first includes training and JIT warm-up). Speed is measured here, by hand,
 * never asserted by a test. How to run it is in the README.
 */
public final class GeneratorThroughput {

    private GeneratorThroughput() {
    }

    public static void main(String[] args) {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long trainStart = System.nanoTime();
        new ReportGenerator(0).next();
        System.out.printf("model trained and first report made in %d ms%n", (System.nanoTime() - trainStart) / 1_000_000);
        for (int round = 1; round <= rounds; round++) {
            LongAdder characters = new LongAdder();
            long start = System.nanoTime();
            new ReportGenerator(round).stream(reports).forEach(report -> characters.add(report.body().length()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d reports in %.2f s = %,.0f reports/s, %,.1f M body characters/s (mean body %,d)%n",
                    round, reports, seconds, reports / seconds, characters.sum() / seconds / 1e6, characters.sum() / reports);
        }
    }
}
