package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.RealReports;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgedSetTest {

    private final JudgedSet set = JudgedSet.load();

    @Test
    void holdsTheRealReportsThePlantedArticlesAndThreeHundredGeneratedOnes() {
        Map<String, Long> bySource = set.articles().stream()
                .collect(Collectors.groupingBy(a -> a.id().substring(0, a.id().indexOf('-')), Collectors.counting()));

        assertThat(bySource).containsEntry("corpus", 3L).containsEntry("gen", 300L);
        assertThat(bySource.get("planted")).isBetween(20L, 30L);
        assertThat(set.article("corpus-guizhou")).map(GeneratedReport::title).contains("不忘初心 让抗疫精神在新时代绽放光芒");
    }

    @Test
    void theStoredRealReportsAreTheOnesTheModuleExtracts() {
        assertThat(set.articles().subList(0, 3)).isEqualTo(RealReports.all());
    }

    @Test
    void hasAtLeastFortyFiveQueriesAndEveryCategoryHasSome() {
        assertThat(set.queries()).hasSizeGreaterThanOrEqualTo(45);
        Set<QueryCategory> categories = set.queries().stream().map(JudgedQuery::category).collect(Collectors.toSet());
        assertThat(categories).isEqualTo(EnumSet.allOf(QueryCategory.class));
        for (QueryCategory category : QueryCategory.values()) {
            assertThat(set.queries().stream().filter(q -> q.category() == category).count()).as(category.label()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyArticleThatContainsALiteralQueryIsJudgedRelevantToIt() {
        // a guard for the judgments: regenerating the stored articles must not leave a match unjudged
        Set<QueryCategory> literal = EnumSet.of(QueryCategory.NAMES, QueryCategory.PLACES, QueryCategory.PHRASE);
        for (JudgedQuery query : set.queries()) {
            if (!literal.contains(query.category())) {
                continue;
            }
            String text = query.text().replace("\"", "");
            List<String> containing = set.articles().stream()
                    .filter(a -> a.title().contains(text) || a.body().contains(text)).map(GeneratedReport::id).toList();
            assertThat(query.grades().keySet()).as(query.id() + " " + text).containsAll(containing);
            assertThat(containing).as(query.id() + " " + text).isNotEmpty();
        }
    }

    @Test
    void readsQueriesAsTabSeparatedLinesWithGradedJudgments() {
        List<JudgedQuery> queries = JudgedSet.parseQueries("""
                # a comment
                q1\tPINYIN\tzhongyi\tcorpus-nanning:2 gen-1-3:1\t中医
                """);

        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.category()).isEqualTo(QueryCategory.PINYIN);
            assertThat(q.grade("corpus-nanning")).isEqualTo(2);
            assertThat(q.grade("gen-1-3")).isEqualTo(1);
            assertThat(q.grade("corpus-guizhou")).isZero();
            assertThat(q.note()).isEqualTo("中医");
        });
    }

    @Test
    void refusesGradesOtherThanOneAndTwoAndQueriesWithoutJudgments() {
        assertThatThrownBy(() -> JudgedSet.parseQueries("q1\tNAMES\tx\tcorpus-nanning:3\n")).hasMessageContaining("not 1 or 2");
        assertThatThrownBy(() -> JudgedSet.parseQueries("q1\tNAMES\tx\n")).hasMessageContaining("judgments");
        assertThatThrownBy(() -> JudgedSet.parseQueries("q1\tNAMES\tx\ta:1 a:2\n")).hasMessageContaining("repeated");
    }
}
