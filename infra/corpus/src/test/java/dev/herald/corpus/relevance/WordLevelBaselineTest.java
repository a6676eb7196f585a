package dev.herald.corpus.relevance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-level baseline over the judged set (the search service's SearchRelevanceTest sets its own
 * search beside it): prints the
 * relevance table and writes it, with the per-query figures, to target/relevance/word-level.md. It asserts
 * only that the rankers work at all; the figures are there to be compared with a better search's.
 */
class WordLevelBaselineTest {

    @Test
    void printsTheBaselinesRelevanceTable() throws IOException {
        JudgedSet set = JudgedSet.load();
        List<RankerScores> scores;
        try (WordLevelRanker words = WordLevelRanker.indexing(set.articles())) {
            scores = new RelevanceReport(set).with(WordLevelRanker.NAME, words).run();
        }
        String table = RelevanceReport.table(scores);
        String perQuery = RelevanceReport.perQuery(scores);
        System.out.println(table);
        System.out.println(perQuery);
        Path out = Path.of("target", "relevance");
        Files.createDirectories(out);
        Files.writeString(out.resolve("word-level.md"), table + "\n" + perQuery);

        RankerScores baseline = scores.getFirst();
        assertThat(baseline.mrr()).isGreaterThan(0.3);
        assertThat(baseline.meanNdcg()).isGreaterThan(0.2);
        // the word level finds nothing spelled in pinyin: the judged set must show that
        assertThat(baseline.in(QueryCategory.PINYIN).mrr()).isLessThan(0.2);
    }
}
