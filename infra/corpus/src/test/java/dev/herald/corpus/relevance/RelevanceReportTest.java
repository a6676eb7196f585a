package dev.herald.corpus.relevance;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RelevanceReportTest {

    private final JudgedSet set = JudgedSet.load();

    /** Knows the judgments: returns the judged articles best grade first. */
    private Ranker oracle() {
        Map<String, JudgedQuery> byText = new HashMap<>();
        set.queries().forEach(query -> byText.put(query.text(), query));
        return (text, k) -> byText.get(text).grades().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).limit(k).toList();
    }

    @Test
    void aRankerThatReturnsTheJudgmentsScoresOneAndOneThatFindsNothingScoresZero() {
        List<RankerScores> scores = new RelevanceReport(set).with("oracle", oracle()).with("nothing", (q, k) -> List.of()).run();

        assertThat(scores).extracting(RankerScores::ranker).containsExactly("oracle", "nothing");
        assertThat(scores.get(0).meanNdcg()).isEqualTo(1.0, within(1e-9));
        assertThat(scores.get(0).mrr()).isEqualTo(1.0, within(1e-9));
        assertThat(scores.get(1).meanNdcg()).isZero();
        assertThat(scores.get(1).queries()).hasSize(set.queries().size());
    }

    @Test
    void theTableHasARowPerRankerOverallAndPerCategoryWithRankersSideBySide() {
        String table = new RelevanceReport(set).with("oracle", oracle()).with("nothing", (q, k) -> List.of()).markdown();

        assertThat(table).contains("| ranker | queries | n | nDCG@10 | MRR@10 |")
                .contains("| oracle | **all** | " + set.queries().size() + " | 1.000 | 1.000 |")
                .contains("| nothing | **all** | " + set.queries().size() + " | 0.000 | 0.000 |");
        List<String> rows = table.lines().toList();
        int oracleOnNames = rows.indexOf(rows.stream().filter(r -> r.startsWith("| oracle | names and new words")).findFirst().orElseThrow());
        assertThat(rows.get(oracleOnNames + 1)).startsWith("| nothing | names and new words");
        assertThat(rows).hasSize(2 + 2 * (1 + QueryCategory.values().length));
    }

    @Test
    void thePerQueryTableShowsEveryQueryWithEachRankersFigures() {
        List<RankerScores> scores = new RelevanceReport(set).with("oracle", oracle()).run();

        String table = RelevanceReport.perQuery(scores);

        assertThat(table.lines()).hasSize(2 + set.queries().size());
        assertThat(table).contains("| `胡海莺` | names and new words | 2 | 1.000 | 1.000 |");
    }

    @Test
    void twoRankersMayNotShareAName() {
        RelevanceReport report = new RelevanceReport(set).with("same", (q, k) -> List.of());
        assertThatThrownBy(() -> report.with("same", (q, k) -> List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
