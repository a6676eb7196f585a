package dev.herald.corpus.relevance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelevanceMetricsTest {

    private static final Map<String, Integer> JUDGED = Map.of("a", 2, "b", 1, "c", 1);

    @Test
    void theBestPossibleOrderScoresOne() {
        assertThat(RelevanceMetrics.ndcg(List.of("a", "b", "c"), JUDGED, 10)).isEqualTo(1.0, within(1e-12));
        assertThat(RelevanceMetrics.ndcg(List.of("a", "c", "b", "x"), JUDGED, 10)).isEqualTo(1.0, within(1e-12));
    }

    @Test
    void gainsAreGradedAndDiscountedByRank() {
        // DCG = 0 + (2^2-1)/log2(3) + (2^1-1)/log2(4) = 2.392789; ideal = 3 + 1/log2(3) + 1/log2(4) = 4.130930
        assertThat(RelevanceMetrics.ndcg(List.of("x", "a", "b"), JUDGED, 10)).isEqualTo(0.579237, within(1e-6));
    }

    @Test
    void aHighlyRelevantArticleFirstOutscoresARelevantOne() {
        double highFirst = RelevanceMetrics.ndcg(List.of("a", "x"), JUDGED, 10);
        double lowFirst = RelevanceMetrics.ndcg(List.of("b", "x"), JUDGED, 10);
        assertThat(highFirst).isGreaterThan(lowFirst);
    }

    @Test
    void onlyTheFirstKCountAndTheIdealIsCutAtKToo() {
        assertThat(RelevanceMetrics.ndcg(List.of("x", "y", "a"), JUDGED, 2)).isZero();
        // with k = 2 the ideal is a then b or c: 3 + 1/log2(3) = 3.630930; "a" alone first gives 3
        assertThat(RelevanceMetrics.ndcg(List.of("a", "x"), JUDGED, 2)).isEqualTo(0.826235, within(1e-6));
    }

    @Test
    void anArticleReturnedTwiceCountsOnceAtItsFirstRank() {
        assertThat(RelevanceMetrics.ndcg(List.of("a", "a", "a"), JUDGED, 10))
                .isEqualTo(RelevanceMetrics.ndcg(List.of("a"), JUDGED, 10), within(1e-12));
        assertThat(RelevanceMetrics.reciprocalRank(List.of("x", "x", "b"), JUDGED, 10)).isEqualTo(0.5);
    }

    @Test
    void reciprocalRankIsOneOverTheRankOfTheFirstRelevantArticleOfAnyGrade() {
        assertThat(RelevanceMetrics.reciprocalRank(List.of("a"), JUDGED, 10)).isEqualTo(1.0);
        assertThat(RelevanceMetrics.reciprocalRank(List.of("x", "y", "c", "a"), JUDGED, 10)).isEqualTo(1.0 / 3);
        assertThat(RelevanceMetrics.reciprocalRank(List.of("x", "y", "c"), JUDGED, 2)).isZero();
        assertThat(RelevanceMetrics.reciprocalRank(List.of(), JUDGED, 10)).isZero();
    }

    @Test
    void meansAreArithmetic() {
        assertThat(RelevanceMetrics.mean(List.of(1.0, 0.5, 0.0))).isEqualTo(0.5);
        assertThat(RelevanceMetrics.mean(List.of())).isZero();
    }
}
