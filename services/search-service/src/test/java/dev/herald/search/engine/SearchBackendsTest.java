package dev.herald.search.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.relevance.JudgedSet;
import dev.herald.corpus.relevance.RankerScores;
import dev.herald.corpus.relevance.RelevanceReport;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;
import dev.herald.search.index.SearchIndex;
import dev.herald.search.query.ArticleSearch;
import dev.herald.search.query.SearchRequest;
import dev.herald.search.query.SearchResults;
import dev.herald.search.query.RelatedArticles;
import dev.herald.search.query.SearchService;
import dev.herald.search.query.SimilarArticles;
import dev.herald.support.web.NotFoundException;
import dev.herald.search.query.Suggestions;
import dev.herald.searchengine.EngineCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader sees, the same on both backends: the embedded Lucene index and an OpenSearch cluster of three
 * node processes, every one eligible as cluster manager (an index of 2 shards with 1 replica each), started once
 * for the class. Each case gets an index of its own. The case that kills the cluster manager runs last, as the
 * others need every node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchBackendsTest {

    enum Backend { EMBEDDED, OPENSEARCH }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger INDICES = new AtomicInteger();
    /** The nodes' data; removed after the class, once the nodes have stopped. */
    @TempDir
    static Path engineDirectory;
    private static EngineCluster cluster;
    private static MongoClient mongo;

    @TempDir
    Path dir;

    private final List<Closeable> opened = new ArrayList<>();
    private SearchIndex index;
    private ArticleSearch search;
    private ArticleStore store;
    private Suggestions suggestions;
    private SimilarArticles related;

    @BeforeAll
    static void startEngine() throws IOException {
        long starting = System.nanoTime();
        cluster = EngineCluster.start(engineDirectory, 3);
        System.out.printf("engine: 3 nodes started in %.1f s%n", (System.nanoTime() - starting) / 1e9);
        mongo = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void stopEngine() {
        if (cluster != null) {
            cluster.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @AfterEach
    void close() throws IOException {
        for (Closeable closeable : opened) {
            closeable.close();
        }
    }

    private void use(Backend backend) throws IOException {
        MongoTemplate template = new MongoTemplate(mongo, "backends-" + UUID.randomUUID());
        DictionaryService dictionary = new DictionaryService(template, Clock.systemUTC());
        dictionary.refresh();
        store = new ArticleStore(template);
        IndexProperties settings = new IndexProperties(dir.resolve("index"), ZONE, null, null, null, null);
        if (backend == Backend.EMBEDDED) {
            ArticleIndex embedded = ArticleIndex.open(settings);
            opened.add(embedded);
            index = embedded;
            search = new SearchService(embedded, dictionary, settings, new SimpleMeterRegistry());
            suggestions = new Suggestions(embedded);
            related = new RelatedArticles(embedded);
        } else {
            OpenSearchArticles engine = new OpenSearchArticles(new EngineProperties.OpenSearch(cluster.httpHosts(),
                    "articles-" + INDICES.incrementAndGet(), 2, 1, null), settings, dictionary);
            opened.add(engine);
            engine.ensureIndex();
            index = engine;
            search = engine;
            suggestions = new Suggestions(engine);
            related = engine;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anArticleIsFoundByAWordOfItsBodyAndOfItsTitleWithTheMatchMarked(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "南宁市中医院开展义诊活动", "医护人员走进社区，为居民测量血压。", "医院新闻", "南宁市中医院", "2024-05-01"));
        publish(article("a-2", 1, "社区举办读书会", "居民分享读书心得。", "社区动态", "青秀区社区", "2024-05-02"));

        SearchResults byBody = search("血压");
        SearchResults byTitle = search("义诊");

        assertThat(ids(byBody)).containsExactly("a-1");
        assertThat(byBody.hits().getFirst().snippet()).contains("<em>血压</em>");
        assertThat(ids(byTitle)).containsExactly("a-1");
        assertThat(byTitle.hits().getFirst().title()).contains("<em>义诊</em>");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNameTheSegmenterDoesNotKnowIsFoundAndTraditionalOrFullWidthQueriesAreFolded(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "胡海莺同志在将军山医院坚守一线", "医院引进ＣＴ设备。", "医院新闻", "将军山医院", "2020-02-10"));
        publish(article("a-2", 1, "学校开学典礼", "同学们迎来新学期。", "校园新闻", "实验小学", "2020-09-01"));

        assertThat(ids(search("胡海莺"))).containsExactly("a-1");
        assertThat(ids(search("將軍山醫院"))).containsExactly("a-1");
        assertThat(ids(search("ct"))).containsExactly("a-1");
        assertThat(search("将军山医院").hits().getFirst().title()).contains("<em>将军山医院</em>");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pinyinAsTypedFindsTitlesAndUnitsByTheirReadingsAndInitials(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "让党旗在抗疫一线高高飘扬", "党员冲锋在前。", "党建工作", "南宁市中医院", "2020-02-10"));
        publish(article("a-2", 1, "社区举办读书会", "居民分享读书心得。", "社区动态", "青秀区社区", "2020-03-01"));

        assertThat(ids(search("dangqi piaoyang"))).containsExactly("a-1");
        assertThat(ids(search("nanning 中医"))).containsExactly("a-1");
        assertThat(ids(search("nnszyy"))).containsExactly("a-1");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLongGroupOfInitialsFindsItsCharactersApartOnlyInTheOrderTyped(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "让党旗在抗疫一线高高飘扬", "党员冲锋在前。", "党建工作", "南宁市中医院", "2020-02-10"));
        // q (区) comes before d (度, 党) here, then p y (评议): the letters of dqpy, but not in that order
        publish(article("a-2", 1, "雁园社区召开2026年度党支部书记述职评议会", "述职评议。", "党建工作", "雁园社区", "2026-01-10"));

        assertThat(ids(search("dqpy"))).containsExactly("a-1");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void suggestionsCompleteTitlesAndUnitsFromCharactersPinyinOrInitialsNewestFirst(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "南宁市中医院开展义诊", "内容。", "医院新闻", "南宁市中医院", "2020-02-10"));
        publish(article("a-2", 1, "南宁市举办马拉松", "内容。", "社区动态", "青秀区社区", "2021-03-01"));

        assertThat(suggestions.complete("南宁", 5)).extracting(Suggestions.Suggestion::text)
                .containsExactly("南宁市举办马拉松", "南宁市中医院", "南宁市中医院开展义诊");
        assertThat(suggestions.complete("nanning", 5)).hasSize(3);
        assertThat(suggestions.complete("nnszyy", 5)).extracting(Suggestions.Suggestion::text)
                .containsExactly("南宁市中医院", "南宁市中医院开展义诊");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void relatedArticlesShareTheMostDistinctiveWordsAndNeverIncludeTheArticleItself(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "南宁马拉松鸣枪开跑", "三万名跑友参加马拉松比赛，医护志愿者沿途保障。", "社区动态", "一院", "2023-11-01"));
        publish(article("a-2", 1, "医院派出马拉松医疗保障队", "马拉松比赛当天，医疗保障队员沿途救护跑友。", "医院新闻", "二院", "2023-11-02"));
        publish(article("a-3", 1, "学校开展读书月活动", "同学们分享读书心得。", "校园新闻", "实验小学", "2023-11-03"));

        List<String> similar = related.to("a-1", 5).stream().map(RelatedArticles.Related::id).toList();

        assertThat(similar).startsWith("a-2").doesNotContain("a-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> related.to("nobody", 5)).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void quotedPhrasesMustAppearAndExcludedWordsMustNot(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "抗击疫情一线", "医院党支部开展主题党日活动。", "党建工作", "一院", "2021-03-01"));
        publish(article("a-2", 1, "主题党日", "党日活动在医院举行，活动主题是学习。", "党建工作", "二院", "2021-03-02"));

        assertThat(ids(search("\"主题党日活动\""))).containsExactly("a-1");
        assertThat(ids(search("党日 -疫情"))).containsExactly("a-2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void filtersNarrowAndFacetsCountAllMatchesByChannelUnitAndYear(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "防疫工作部署会", "部署防疫工作。", "通知公告", "一院", "2020-01-31"));
        publish(article("a-2", 1, "防疫物资到位", "防疫物资已经到位。", "医院新闻", "一院", "2020-02-01"));
        publish(article("a-3", 1, "防疫经验交流", "交流防疫经验。", "医院新闻", "二院", "2021-06-01"));

        SearchResults all = search("防疫");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facets().get("channel")).extracting(f -> f.value() + "=" + f.count()).containsExactly("医院新闻=2", "通知公告=1");
        assertThat(all.facets().get("unit")).extracting(f -> f.value() + "=" + f.count()).containsExactly("一院=2", "二院=1");
        assertThat(all.facets().get("year")).extracting(f -> f.value() + "=" + f.count()).containsExactly("2020=2", "2021=1");
        assertThat(ids(search.search(SearchRequest.of("防疫", "医院新闻", "一院", null, null, null, 0, 10, null)))).containsExactly("a-2");
        // dates are whole days in the service's zone, both ends included
        assertThat(ids(search.search(SearchRequest.of("防疫", null, null, "2020-02-01", "2021-06-01", "date", 0, 10, null))))
                .containsExactly("a-3", "a-2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theCursorContinuesExactlyAfterTheLastHitOfAPage(Backend backend) throws IOException {
        use(backend);
        for (int i = 1; i <= 7; i++) {
            publish(article("a-" + i, 1, "党史学习教育第" + i + "讲", "党史学习教育。", "党建工作", "一院", "2021-04-0" + i));
        }

        for (String order : List.of("relevance", "date")) {
            List<String> byPages = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                byPages.addAll(ids(search.search(SearchRequest.of("党史", null, null, null, null, order, page, 3, null))));
            }
            List<String> byCursor = new ArrayList<>();
            String after = null;
            do {
                SearchResults page = search.search(SearchRequest.of("党史", null, null, null, null, order, 0, 3, after));
                byCursor.addAll(ids(page));
                after = page.next();
            } while (after != null);

            assertThat(byCursor).hasSize(7).doesNotHaveDuplicates().isEqualTo(byPages);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewerVersionReplacesTheArticleAndARetractedOneLeavesTheResults(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "旧标题义诊", "内容。", "医院新闻", "一院", "2022-01-01"));
        publish(article("a-1", 2, "新标题体检", "内容。", "医院新闻", "一院", "2022-01-01"));
        assertThat(ids(search("义诊"))).isEmpty();
        assertThat(ids(search("体检"))).containsExactly("a-1");

        index.delete("a-1");
        index.refresh();

        assertThat(search("体检").total()).isZero();
        assertThat(index.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void markupInAReportIsEscapedInTheTitleAndSnippet(Backend backend) throws IOException {
        use(backend);
        publish(article("a-1", 1, "<b>通知</b>", "请<script>alert(1)</script>按时参加培训。", "通知公告", "一院", "2023-01-01"));

        SearchResults.Hit hit = search("培训").hits().getFirst();

        assertThat(hit.snippet()).contains("&lt;script&gt;").doesNotContain("<script>").contains("<em>培训</em>");
        assertThat(hit.title()).startsWith("&lt;b&gt;通知&lt;").doesNotContain("<b>");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRebuildHoldsExactlyWhatTheStoreHolds(Backend backend) throws IOException {
        use(backend);
        Article kept = article("a-1", 1, "健康讲座走进校园", "讲座内容。", "校园新闻", "实验小学", "2022-03-01");
        store.storeIfNewer(kept);
        publish(kept);
        publish(article("a-gone", 1, "健康讲座进社区", "讲座内容。", "社区动态", "社区", "2022-03-02"));
        store.storeIfNewer(article("a-2", 1, "健康知识讲座", "讲座内容。", "医院新闻", "一院", "2022-03-03"));

        index.rebuildFrom(store, "test");
        index.refresh();

        assertThat(ids(search("讲座"))).containsExactlyInAnyOrder("a-1", "a-2");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void theEngineKeepsTheNewerVersionWhenAnOlderOneArrivesLate() throws IOException {
        use(Backend.OPENSEARCH);
        publish(article("a-1", 2, "新标题体检", "内容。", "医院新闻", "一院", "2022-01-01"));
        publish(article("a-1", 1, "旧标题义诊", "内容。", "医院新闻", "一院", "2022-01-01"));

        assertThat(ids(search("体检"))).containsExactly("a-1");
        assertThat(ids(search("义诊"))).isEmpty();
    }

    @Test
    void withTheOpensearchBackendOneEngineBeanServesBothPortsFilledFromTheStoreBeforeAnythingConsumes() {
        MongoTemplate template = new MongoTemplate(mongo, "wiring-" + UUID.randomUUID());
        ArticleStore stored = new ArticleStore(template);
        stored.storeIfNewer(article("a-1", 1, "健康讲座走进校园", "讲座内容。", "校园新闻", "实验小学", "2022-03-01"));
        DictionaryService dictionary = new DictionaryService(template, Clock.systemUTC());
        dictionary.refresh();
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(IndexProperties.class, () -> new IndexProperties(dir.resolve("index"), ZONE, null, null, null, null))
                .withBean(DictionaryService.class, () -> dictionary)
                .withBean(ArticleStore.class, () -> stored)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(EngineConfiguration.class);

        runner.withPropertyValues("herald.search.backend=opensearch",
                "herald.search.engine.hosts=" + String.join(",", cluster.httpHosts()),
                "herald.search.engine.alias=wired-" + INDICES.incrementAndGet()).run(context -> {
            assertThat(context).hasSingleBean(SearchIndex.class).hasSingleBean(ArticleSearch.class);
            assertThat(context.getBean(SearchIndex.class)).isSameAs(context.getBean(ArticleSearch.class));
            assertThat(context.getBean(SearchIndex.class).size()).isEqualTo(1);
            assertThat(ids(context.getBean(ArticleSearch.class).search(SearchRequest.of("讲座", null, null, null, null, null, 0, 10, null))))
                    .containsExactly("a-1");
        });
        runner.run(context -> assertThat(context).doesNotHaveBean(SearchIndex.class));
    }

    /**
     * The judged queries of {@code ./herald relevance} on both backends, side by side; the tables are written to
     * {@code target/relevance/backends.md}, which the command prints.
     */
    @Test
    void theJudgedQueriesRankOnTheEngineWithin002OfTheEmbeddedIndexInEveryCategory() throws IOException {
        JudgedSet set = JudgedSet.load();
        RelevanceReport report = new RelevanceReport(set);
        for (Backend backend : Backend.values()) {
            use(backend);
            for (GeneratedReport r : set.articles()) {
                store.storeIfNewer(new Article(r.id(), 1, r.unit(), r.channel(), r.title(), r.subtitle(), r.body(), r.author(),
                        r.contributor(), null, null, r.tags(), r.publishedAt(), null));
            }
            index.rebuildFrom(store, "judged set");
            index.refresh();
            ArticleSearch searching = search;
            report.with(backend.name().toLowerCase(), (query, k) -> ids(searching.search(
                    SearchRequest.of(query, null, null, null, null, null, 0, k, null))));
        }
        List<RankerScores> scores = report.run();
        BackendComparison comparison = new BackendComparison(scores.get(0), scores.get(1));
        Path out = Path.of("target", "relevance");
        Files.createDirectories(out);
        Files.writeString(out.resolve("backends.md"), comparison.markdown() + "\n" + RelevanceReport.perQuery(scores));

        assertThat(comparison.outsideTolerance()).as(comparison.markdown()).isEmpty();
    }

    /**
     * Three nodes, all eligible as cluster manager, and the elected one dies ({@code SIGKILL}) while a thread
     * searches without pause. The two left elect a new manager, which drops the dead node and promotes the copies
     * of its primaries. What holds: every search that begins after the manager's process is gone answers with all
     * 20 articles, before the election and after it; the one search that may be in flight as it dies (there is one
     * searching thread) is allowed to fail, since a shard that answered its first phase ({@code dfs}) on the dead
     * node cannot answer the second, and a short page is an error rather than an answer. Then a write is accepted.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void killingTheElectedClusterManagerUnderQueryLoadLosesNeitherAnIndexedArticleNorASearchBegunAfterIt() throws Exception {
        use(Backend.OPENSEARCH);
        for (int i = 1; i <= 20; i++) {
            index.put(article("a-" + i, 1, "健康讲座第" + i + "期", "讲座内容。", "医院新闻", "一院", "2022-03-01"));
        }
        index.refresh();
        // every shard has both copies placed before a node goes
        cluster.awaitHealth("wait_for_status=green&wait_for_no_initializing_shards=true");
        int manager = cluster.clusterManager();

        Searches begunBeforeTheKill = new Searches(5);
        Searches duringTheElection = new Searches(0);
        Searches afterTheElection = new Searches(30);
        AtomicReference<Searches> phase = new AtomicReference<>(begunBeforeTheKill);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> searching = load.submit(() -> {
            while (!stop.get()) {
                phase.get().run(() -> search("讲座"));
            }
        });
        begunBeforeTheKill.awaitMade();
        cluster.kill(manager);
        phase.set(duringTheElection);
        // answered by a manager that counts two nodes: a new one is elected and the dead one dropped
        cluster.awaitHealth("wait_for_nodes=2");
        int elected = cluster.clusterManager();
        phase.set(afterTheElection);
        afterTheElection.awaitMade();
        stop.set(true);
        searching.get();
        load.shutdown();

        assertThat(elected).isNotEqualTo(manager);
        assertThat(begunBeforeTheKill.failures).as("of the searches begun before the manager died, only the one in flight may fail").hasSizeLessThanOrEqualTo(1);
        assertThat(duringTheElection.failures).isEmpty();
        assertThat(afterTheElection.failures).isEmpty();
        assertThat(begunBeforeTheKill.totals).hasSizeGreaterThanOrEqualTo(4).containsOnly(20L);
        // an election can be quicker than a search, so there may be none to look at
        assertThat(duringTheElection.totals).allMatch(total -> total == 20L, "all 20 articles");
        assertThat(afterTheElection.totals).hasSizeGreaterThanOrEqualTo(30).containsOnly(20L);
        System.out.printf("cluster manager node-%d killed, node-%d elected; searches before the kill %d (%d failed), "
                        + "during the election %d (%d failed), after it %d (%d failed)%n", manager + 1, elected + 1,
                begunBeforeTheKill.totals.size() + begunBeforeTheKill.failures.size(), begunBeforeTheKill.failures.size(),
                duringTheElection.totals.size(), duringTheElection.failures.size(),
                afterTheElection.totals.size(), afterTheElection.failures.size());
        // the new manager promoted the copies of the dead node's primaries, so writes are taken again
        publish(article("a-21", 1, "健康讲座第21期", "讲座内容。", "医院新闻", "一院", "2022-03-02"));
        assertThat(search("讲座").total()).isEqualTo(21);
        assertThat(index.size()).isEqualTo(21);
    }

    /** The searches of one phase of the kill case: the totals they answered with, how the others failed. */
    private static final class Searches {
        final List<Long> totals = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final CountDownLatch made;

        Searches(int awaited) {
            made = new CountDownLatch(awaited);
        }

        void run(Supplier<SearchResults> search) {
            try {
                totals.add(search.get().total());
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
            made.countDown();
        }

        void awaitMade() throws InterruptedException {
            made.await();
        }
    }

    private void publish(Article article) throws IOException {
        index.put(article);
        index.refresh();
    }

    private SearchResults search(String q) {
        return search.search(SearchRequest.of(q, null, null, null, null, null, 0, 10, null));
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static Article article(String id, int version, String title, String body, String channel, String unit, String day) {
        Instant at = java.time.LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant();
        return new Article(id, version, unit, channel, title, null, body, null, null, null, null, List.of(), at, null);
    }
}
