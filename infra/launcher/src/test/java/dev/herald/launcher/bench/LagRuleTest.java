package dev.herald.launcher.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LagRuleTest {

    /** Scrapes every 10 s over a 60 s window; {@code lags[i]} is the lag of each of 10 samples finished in interval i. */
    private static List<LagRule.Scrape> scrapes(double... lags) {
        List<LagRule.Scrape> scrapes = new ArrayList<>();
        double count = 0, sum = 0;
        scrapes.add(new LagRule.Scrape(0, new BucketHistogram(new TreeMap<>(), 0, 0)));
        for (int i = 0; i < lags.length; i++) {
            count += 10;
            sum += 10 * lags[i];
            scrapes.add(new LagRule.Scrape(10 * (i + 1), new BucketHistogram(new TreeMap<>(), count, sum)));
        }
        return scrapes;
    }

    @Test
    void aSteadyLagThatDrainsQuicklyIsBounded() {
        LagRule.Verdict verdict = LagRule.DEFAULT.judge(scrapes(0.5, 0.6, 0.5, 0.7, 0.6, 0.6), 60, 2);

        assertThat(verdict.bounded()).isTrue();
        assertThat(verdict.firstThirdMean()).isCloseTo(0.55, within(1e-9));
        assertThat(verdict.lastThirdMean()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aLagThatKeepsGrowingIsNotBoundedEvenIfItDrainsInTime() {
        LagRule.Verdict verdict = LagRule.DEFAULT.judge(scrapes(0.5, 1, 2, 3, 4, 5), 60, 5);

        assertThat(verdict.bounded()).isFalse();
        assertThat(verdict.why()).contains("grew from 0.75 s to 4.50 s");
    }

    @Test
    void aBacklogThatOutlastsTheDrainLimitIsNotBounded() {
        assertThat(LagRule.DEFAULT.judge(scrapes(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), 60, 16).why())
                .isEqualTo("backlog drained after 16.0 s > 15 s");
        assertThat(LagRule.DEFAULT.judge(scrapes(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), 60, Double.NaN).why())
                .isEqualTo("backlog never drained");
    }

    @Test
    void smallLagsMayVaryWithinTheSlackWithoutCountingAsGrowth() {
        assertThat(LagRule.DEFAULT.judge(scrapes(0.02, 0.02, 0.05, 0.05, 0.2, 0.2), 60, 1).bounded()).isTrue();
        assertThat(LagRule.DEFAULT.judge(scrapes(0.02, 0.02, 0.05, 0.05, 0.4, 0.4), 60, 1).bounded()).isFalse();
    }

    @Test
    void aStageThatFinishedNothingInAThirdIsNotBounded() {
        assertThat(LagRule.DEFAULT.judge(scrapes(0.5, 0.5, 0.5, 0.5, 0.5, 0.5).subList(0, 4), 60, 1).why())
                .isEqualTo("nothing finished in the last third");
        List<LagRule.Scrape> lateStart = new ArrayList<>(scrapes(0, 0, 0.5, 0.5, 0.5, 0.5));
        lateStart.replaceAll(s -> s.at() <= 20 ? new LagRule.Scrape(s.at(), BucketHistogram.EMPTY) : s);
        assertThat(LagRule.DEFAULT.judge(lateStart, 60, 1).why()).isEqualTo("nothing finished in the first third");
    }

    @Test
    void aThirdIsReadFromTheScrapesThatEncloseItWhenNoneFallsOnItsEdges() {
        List<LagRule.Scrape> scrapes = List.of(
                new LagRule.Scrape(0, new BucketHistogram(new TreeMap<>(), 0, 0)),
                new LagRule.Scrape(25, new BucketHistogram(new TreeMap<>(), 10, 5)),
                new LagRule.Scrape(50, new BucketHistogram(new TreeMap<>(), 20, 15)));

        assertThat(LagRule.between(scrapes, 0, 20).count()).isEqualTo(10);
        assertThat(LagRule.between(scrapes, 40, 60).count()).isEqualTo(10);
        assertThat(LagRule.between(scrapes, 20, 40).count()).isEqualTo(20);
    }
}
