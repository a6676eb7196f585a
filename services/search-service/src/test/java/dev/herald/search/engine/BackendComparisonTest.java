package dev.herald.search.engine;

import dev.herald.corpus.relevance.JudgedQuery;
import dev.herald.corpus.relevance.QueryCategory;
import dev.herald.corpus.relevance.QueryScore;
import dev.herald.corpus.relevance.RankerScores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendComparisonTest {

    private static final JudgedQuery ZHONGYI = query("q1", QueryCategory.PINYIN, "zhongyi");
    private static final JudgedQuery CT = query("q2", QueryCategory.LATIN, "CT");
    private static final JudgedQuery NAME = query("q3", QueryCategory.NAMES, "胡海莺");

    @Test
    void backendsThatRankAlikePassAndListNoQuery() {
        RankerScores same = scores("embedded", score(ZHONGYI, 1.0, 1.0), score(CT, 0.9, 1.0), score(NAME, 1.0, 1.0));
        BackendComparison comparison = new BackendComparison(same, new RankerScores("opensearch", same.queries()));

        assertThat(comparison.outsideTolerance()).isEmpty();
        assertThat(comparison.differing()).isEmpty();
        assertThat(comparison.markdown()).contains("PASS").contains("0 of 3 queries ranked differently.")
                .contains("| pinyin | 1 | 1.000 | 1.000 | +0.000 | 1.000 | 1.000 |");
    }

    @Test
    void aCategoryMoreThan002AwayFailsAndEveryQueryRankedDifferentlyIsListedWithBothTopThrees() {
        RankerScores embedded = scores("embedded", score(ZHONGYI, 1.0, 1.0), score(CT, 0.9, 1.0), score(NAME, 1.0, 1.0));
        RankerScores engine = scores("opensearch", score(ZHONGYI, 0.95, 0.5), score(CT, 0.91, 1.0), score(NAME, 1.0, 1.0));
        BackendComparison comparison = new BackendComparison(embedded, engine);

        // pinyin is 0.05 lower; Latin 0.01 higher is within; overall 0.04 / 3 = 0.013 is within
        assertThat(comparison.outsideTolerance()).containsExactly("pinyin");
        assertThat(comparison.differing()).containsExactly(ZHONGYI, CT);
        assertThat(comparison.markdown()).contains("FAIL").contains("in: pinyin.").contains("2 of 3 queries ranked differently:")
                .contains("| `zhongyi` | pinyin | 1.000 | 0.950 | 1.000 | 0.500 | a, b, c | b, a, c |");
    }

    @Test
    void scoresOfDifferentQuerySetsCannotBeCompared() {
        RankerScores two = scores("embedded", score(ZHONGYI, 1.0, 1.0), score(CT, 1.0, 1.0));
        RankerScores one = scores("opensearch", score(ZHONGYI, 1.0, 1.0));

        assertThatThrownBy(() -> new BackendComparison(two, one)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JudgedQuery query(String id, QueryCategory category, String text) {
        return new JudgedQuery(id, category, text, Map.of("a", 2), "");
    }

    private static QueryScore score(JudgedQuery query, double ndcg, double rr) {
        List<String> ranking = rr == 1.0 ? List.of("a", "b", "c", "d") : List.of("b", "a", "c");
        return new QueryScore(query, ranking, ndcg, rr);
    }

    private static RankerScores scores(String ranker, QueryScore... scores) {
        return new RankerScores(ranker, List.of(scores));
    }
}
