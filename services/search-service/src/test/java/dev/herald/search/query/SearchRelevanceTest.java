package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.relevance.JudgedSet;
import dev.herald.corpus.relevance.QueryCategory;
import dev.herald.corpus.relevance.RankerScores;
import dev.herald.corpus.relevance.RelevanceReport;
import dev.herald.corpus.relevance.WordLevelRanker;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.article.Article;
import dev.herald.search.dictionary.DictionaryService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's relevance over the judged query set, beside the word-level baseline, printed and written
 * to target/relevance/search.md ({@code ./herald relevance}). It holds the search to beating the
 * baseline overall and where the baseline cannot work at all (pinyin, however it is typed, and synonyms),
 * and to doing no worse than the baseline on Latin words, which the pinyin must leave alone.
 */
class SearchRelevanceTest {

    static final String NAME = "Herald search (words + pairs + pinyin + dictionary)";

    @TempDir
    Path dir;

    @Test
    void searchRanksTheJudgedArticlesBetterThanWordsAlone() throws Exception {
        JudgedSet set = JudgedSet.load();
        List<RankerScores> scores;
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString());
             ArticleIndex index = ArticleIndex.open(dir.resolve("index"), ZoneId.of("Asia/Shanghai"));
             WordLevelRanker words = WordLevelRanker.indexing(set.articles())) {
            DictionaryService dictionary = new DictionaryService(new MongoTemplate(client, "relevance-" + UUID.randomUUID()),
                    Clock.systemUTC());
            dictionary.refresh();
            for (GeneratedReport report : set.articles()) {
                index.put(article(report));
            }
            SearchService search = new SearchService(index, dictionary, IndexProperties.defaults(), new SimpleMeterRegistry());
            awaitSearchable(index, set.articles().size());
            scores = new RelevanceReport(set).with(WordLevelRanker.NAME, words).with(NAME, (query, k) ->
                    search.search(SearchRequest.of(query, null, null, null, null, null, 0, k, null)).hits().stream()
                            .map(SearchResults.Hit::id).toList()).run();
        }
        String table = RelevanceReport.table(scores);
        String perQuery = RelevanceReport.perQuery(scores);
        System.out.println(table);
        Path out = Path.of("target", "relevance");
        Files.createDirectories(out);
        Files.writeString(out.resolve("search.md"), table + "\n" + perQuery);

        RankerScores baseline = scores.get(0);
        RankerScores herald = scores.get(1);
        assertThat(herald.meanNdcg()).isGreaterThan(baseline.meanNdcg());
        assertThat(herald.mrr()).isGreaterThan(baseline.mrr());
        assertThat(herald.in(QueryCategory.PINYIN).mrr()).isGreaterThan(0.5);
        assertThat(herald.in(QueryCategory.PINYIN_TYPED).mrr()).isGreaterThan(0.5);
        assertThat(herald.in(QueryCategory.PINYIN_TYPED).meanNdcg()).isGreaterThan(baseline.in(QueryCategory.PINYIN_TYPED).meanNdcg());
        assertThat(herald.in(QueryCategory.LATIN).meanNdcg()).isGreaterThanOrEqualTo(baseline.in(QueryCategory.LATIN).meanNdcg());
        assertThat(herald.in(QueryCategory.SYNONYMS).meanNdcg()).isGreaterThan(baseline.in(QueryCategory.SYNONYMS).meanNdcg());
    }

    private static Article article(GeneratedReport r) {
        return new Article(r.id(), 1, r.unit(), r.channel(), r.title(), r.subtitle(), r.body(), r.author(), r.contributor(),
                null, null, r.tags(), r.publishedAt(), null);
    }

    private static void awaitSearchable(ArticleIndex index, int documents) throws Exception {
        for (int i = 0; i < 200; i++) {
            int visible = index.search(searcher -> searcher.getIndexReader().numDocs());
            if (visible >= documents) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the index never showed all " + documents + " articles");
    }
}
