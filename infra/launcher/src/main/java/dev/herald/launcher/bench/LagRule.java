package dev.herald.launcher.bench;

import java.util.List;

/**
 * When a stage's lag counts as bounded at a rate: the backlog it built drains within
 * {@code drainLimitSeconds} of the last send, and the mean lag of what it finished in the last third of the
 * window is at most {@code growthFactor} times that of the first third plus {@code slackSeconds} (the slack
 * keeps a lag of a few milliseconds from failing on noise). A stage that finished nothing in either third
 * is not bounded: it either had not started or had stopped keeping up.
 */
public record LagRule(double drainLimitSeconds, double growthFactor, double slackSeconds) {

    public static final LagRule DEFAULT = new LagRule(15, 1.5, 0.25);

    /** A cumulative scrape of one stage's histogram, {@code at} seconds after its window opened. */
    public record Scrape(double at, BucketHistogram histogram) {
    }

    /** Means in seconds; {@code drainedAfter} in seconds after the last send, NaN when it never drained. */
    public record Verdict(boolean bounded, double firstThirdMean, double lastThirdMean, double drainedAfter, String why) {
    }

    /**
     * @param scrapes      the stage's scrapes, in time order, from the window's opening to after the drain
     * @param window       how long sends went on, seconds
     * @param drainedAfter seconds from the last send until the stage had finished everything sent, NaN if never
     */
    public Verdict judge(List<Scrape> scrapes, double window, double drainedAfter) {
        double first = between(scrapes, 0, window / 3).mean();
        double last = between(scrapes, 2 * window / 3, window).mean();
        if (Double.isNaN(drainedAfter) || drainedAfter > drainLimitSeconds) {
            return new Verdict(false, first, last, drainedAfter, Double.isNaN(drainedAfter) ? "backlog never drained"
                    : String.format("backlog drained after %.1f s > %.0f s", drainedAfter, drainLimitSeconds));
        }
        if (Double.isNaN(first)) return new Verdict(false, first, last, drainedAfter, "nothing finished in the first third");
        if (Double.isNaN(last)) return new Verdict(false, first, last, drainedAfter, "nothing finished in the last third");
        if (last > first * growthFactor + slackSeconds) {
            return new Verdict(false, first, last, drainedAfter,
                    String.format("mean lag grew from %.2f s to %.2f s", first, last));
        }
        return new Verdict(true, first, last, drainedAfter, "bounded");
    }

    /**
     * What was recorded from about {@code from} to about {@code to}: from the last scrape at or before
     * {@code from} (the first if none) to the first at or after {@code to} (the last if none), so a third is
     * never read narrower than it is.
     */
    static BucketHistogram between(List<Scrape> scrapes, double from, double to) {
        if (scrapes.isEmpty()) return BucketHistogram.EMPTY;
        Scrape start = scrapes.getFirst(), end = scrapes.getLast();
        for (Scrape s : scrapes) {
            if (s.at() <= from) start = s;
        }
        for (Scrape s : scrapes.reversed()) {
            if (s.at() >= to) end = s;
        }
        return end.histogram().minus(start.histogram());
    }
}
