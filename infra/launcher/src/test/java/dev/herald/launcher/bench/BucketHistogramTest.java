package dev.herald.launcher.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BucketHistogramTest {

    private static final String METRIC = "herald_pipeline_decision_to_searchable_seconds";

    private static String scrape(long under100ms, long under200ms, long under400ms, long over, double sum) {
        long a = under100ms, b = a + under200ms, c = b + under400ms, all = c + over;
        return """
                # HELP herald_pipeline_decision_to_searchable_seconds Time from an article's publication to its being in the search index
                # TYPE herald_pipeline_decision_to_searchable_seconds histogram
                herald_pipeline_decision_to_searchable_seconds_bucket{application="search-service",le="0.1"} %d
                herald_pipeline_decision_to_searchable_seconds_bucket{application="search-service",le="0.2"} %d
                herald_pipeline_decision_to_searchable_seconds_bucket{application="search-service",le="0.4"} %d
                herald_pipeline_decision_to_searchable_seconds_bucket{application="search-service",le="+Inf"} %d
                herald_pipeline_decision_to_searchable_seconds_count{application="search-service"} %d
                herald_pipeline_decision_to_searchable_seconds_sum{application="search-service"} %s
                herald_pipeline_decision_to_searchable_seconds_max{application="search-service"} 9.0
                herald_pipeline_decision_to_searchable_seconds_other_bucket{le="0.1"} 1000
                """.formatted(a, b, c, all, all, sum);
    }

    private static BucketHistogram parse(String text) {
        return BucketHistogram.parse(text, METRIC, labels -> true);
    }

    @Test
    void theDifferenceOfTwoScrapesHoldsOnlyWhatWasRecordedBetweenThem() {
        BucketHistogram before = parse(scrape(50, 0, 0, 0, 2.5));
        BucketHistogram after = parse(scrape(50, 100, 0, 0, 2.5 + 15));

        BucketHistogram run = after.minus(before);

        assertThat(run.count()).isEqualTo(100);
        assertThat(run.mean()).isCloseTo(0.15, within(1e-9));
        // every one of the run's samples lies between 100 and 200 ms, although the earlier ones were faster
        assertThat(run.quantile(0.01)).isGreaterThan(0.1);
        assertThat(run.maxBound()).isEqualTo(0.2);
    }

    @Test
    void aPercentileIsInterpolatedLinearlyInsideTheBucketThatHoldsItsRank() {
        BucketHistogram run = parse(scrape(40, 40, 20, 0, 0));

        // rank 50 of 100 is the 10th of 40 samples in (0.1, 0.2]: a quarter of the way through
        assertThat(run.quantile(0.5)).isCloseTo(0.125, within(1e-9));
        // rank 99 is the 19th of 20 in (0.2, 0.4]
        assertThat(run.quantile(0.99)).isCloseTo(0.2 + 0.2 * 19 / 20, within(1e-9));
        assertThat(run.maxBound()).isEqualTo(0.4);
    }

    @Test
    void aRankBeyondTheHighestFiniteBoundAnswersThatBound() {
        BucketHistogram run = parse(scrape(98, 0, 0, 2, 0));

        assertThat(run.quantile(0.5)).isCloseTo(0.1 * 50 / 98, within(1e-9));
        assertThat(run.quantile(0.99)).isEqualTo(0.4);
        assertThat(run.maxBound()).isEqualTo(0.4);
    }

    @Test
    void seriesOfSeveralInstancesAddUpAndALabelFilterPicksSome() {
        String two = scrape(10, 0, 0, 0, 0.5) + scrape(0, 10, 0, 0, 1.5).replace("search-service", "search-service-2");

        assertThat(BucketHistogram.parse(two, METRIC, labels -> true).count()).isEqualTo(20);
        assertThat(BucketHistogram.parse(two, METRIC, labels -> labels.contains("search-service-2")).quantile(0.5))
                .isCloseTo(0.15, within(1e-9));
    }

    @Test
    void nothingRecordedHasNoPercentilesRatherThanZero() {
        BucketHistogram same = parse(scrape(5, 5, 0, 0, 1)).minus(parse(scrape(5, 5, 0, 0, 1)));

        assertThat(same.quantile(0.5)).isNaN();
        assertThat(same.mean()).isNaN();
        assertThat(same.maxBound()).isNaN();
        assertThat(BucketHistogram.parse("", METRIC, labels -> true).count()).isZero();
    }
}
