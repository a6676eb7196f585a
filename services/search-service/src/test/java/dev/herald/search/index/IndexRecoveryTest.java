package dev.herald.search.index;

import dev.herald.search.query.SearchRequest;
import dev.herald.search.query.SearchResults;
import dev.herald.search.query.SearchService;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRetracted;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The articles collection is the source of truth; the index can always be rebuilt from it. */
class IndexRecoveryTest {

    @TempDir
    Path dir;

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    MongoClient client;
    MongoTemplate mongo;
    ArticleStore store;

    private dev.herald.search.dictionary.DictionaryService dictionary() {
        var service = new dev.herald.search.dictionary.DictionaryService(mongo, java.time.Clock.systemUTC());
        service.refresh();
        return service;
    }

    @BeforeEach
    void storeWithArticles() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        mongo = new MongoTemplate(client, "search-recovery-" + UUID.randomUUID());
        store = new ArticleStore(mongo);
        store.storeIfNewer(article("rpt-1", 1, "值守将军山医院一周年座谈会", "我院召开值守将军山医院一周年主题活动暨工作座谈会。"));
        store.storeIfNewer(article("rpt-2", 1, "如意先锋战疫情 党旗一线红", "南宁市中医医院党委深入学习疫情防控系列重要指示批示精神。"));
        store.storeIfNewer(article("rpt-3", 1, "党建引领凝心聚力", "区卫生健康系统的基层党组织把党建工作与疫情防控工作相结合。"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheCollectionOnOpening() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
            assertThat(index.size()).isEqualTo(3);
        }
        FileSystemUtils.deleteRecursively(path);

        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            assertThat(index.size()).isZero();
            index.catchUpWith(store);

            assertThat(index.size()).isEqualTo(3);
            SearchResults found = new SearchService(index, dictionary(), IndexProperties.defaults(), new SimpleMeterRegistry())
                    .search(SearchRequest.of("将军山", null, null, null, null, null, 0, 10, null));
            assertThat(found.hits()).extracting(SearchResults.Hit::id).containsExactly("rpt-1");
        }
    }

    @Test
    void aDamagedIndexIsDiscardedAndRebuilt() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
        }
        try (var files = Files.list(path)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.writeString(file, "not a Lucene commit");
            }
        }

        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void anIndexOfAnOlderSchemaIsRebuiltOnOpening() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
        }
        // what an index written by an earlier release looks like: a commit naming another schema
        try (var directory = org.apache.lucene.store.FSDirectory.open(path);
             var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("herald.schema", "0").entrySet());
            writer.commit();
        }

        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            assertThat(index.size()).isZero();
            index.catchUpWith(store);
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.lastRebuild().reason()).contains("older schema");
        }
    }

    @Test
    void aRebuildKeepsEveryArticleFindableWhileItRunsAndDropsWhatTheStoreNoLongerHolds() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"), ZONE)) {
            index.catchUpWith(store);
            index.put(article("rpt-gone", 1, "只在索引中的文章", "早已撤下的正文。"));
            SearchService search = new SearchService(index, dictionary(), IndexProperties.defaults(), new SimpleMeterRegistry());
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var misses = new java.util.concurrent.atomic.AtomicInteger();
            var searches = new java.util.concurrent.atomic.AtomicInteger();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    searches.incrementAndGet();
                    if (search.search(SearchRequest.of("将军山", null, null, null, null, null, 0, 10, null)).total() != 1) {
                        misses.incrementAndGet();
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 5; i++) {
                index.rebuildFrom(store, "test");
            }
            stop.set(true);
            reader.join();

            assertThat(searches.get()).isPositive();
            assertThat(misses.get()).isZero();
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void aRebuildAfterARestartDropsWhatTheStoreNoLongerHolds() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
            // an article whose retraction the index never saw: the store has no live copy of it
            index.put(article("rpt-retracted", 1, "早已撤下的报道", "撤稿未到达索引。"));
        }

        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.rebuildFrom(store, "requested by an administrator");

            assertThat(index.size()).isEqualTo(3);
            assertThat(ids(index, "撤下")).isEmpty();
        }
    }

    /**
     * What a SIGKILL leaves: the index as of its last commit, while the store and the consumer's offsets
     * moved on. Here the lost writes keep the document count equal (one article more, one fewer), so a
     * count comparison alone would not notice.
     */
    @Test
    void writesLostWithTheUncommittedIndexAreRecoveredFromTheStoreOnTheNextStart() throws IOException {
        Path path = dir.resolve("index");
        Path crashed = dir.resolve("index-at-last-commit");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
        }
        copy(path, crashed);
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            PublishedArticles service = new PublishedArticles(store, index, new SimpleMeterRegistry(), java.time.Clock.systemUTC());
            service.accept(published("rpt-4", 1, "护士节表彰大会隆重召开", "医院表彰优秀护士。"));
            service.accept(published("rpt-1", 2, "值守将军山医院一周年总结会", "更正后的正文。"));
            service.retract(new ArticleRetracted(UUID.randomUUID(), Instant.parse("2026-11-21T00:00:00Z"), "rpt-3", 1,
                    "贵州省人民医院党委", "活动日期有误", "wang.fang"));
        }

        try (ArticleIndex index = ArticleIndex.open(crashed, ZONE)) {
            index.catchUpWith(store);

            assertThat(index.size()).isEqualTo(3);
            assertThat(ids(index, "护士节")).containsExactly("rpt-4");
            assertThat(ids(index, "总结会")).containsExactly("rpt-1");
            assertThat(ids(index, "座谈会")).isEmpty();
            assertThat(ids(index, "党建引领")).isEmpty();
        }
    }

    /**
     * The catch-up runs beside the consumer once the service is up: a correction the consumer indexes after the
     * catch-up read the older version from the store is what stays, whichever of the two writes reaches Lucene last.
     */
    @Test
    void aCorrectionIndexedWhileTheCatchUpRunsIsNotReplacedByTheOlderCopyItReadEarlier() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.put(article("rpt-9", 1, "只在索引中的旧文章", "索引里的旧版本。"));
        }
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            Article correction = article("rpt-1", 2, "值守将军山医院一周年总结会", "更正后的正文。");
            index.catchUpWith(consumerTurnAfterReading("rpt-1", () -> {
                store.storeIfNewer(correction);
                index.put(correction);
            }));

            assertThat(ids(index, "总结会")).containsExactly("rpt-1");
            assertThat(ids(index, "座谈会")).isEmpty();
            assertThat(index.size()).isEqualTo(3);
        }
    }

    /** Retracted and published again while a catch-up runs: the article the consumer put last is what stays. */
    @Test
    void anArticleRetractedAndPublishedAgainWhileTheCatchUpRunsStaysInTheIndex() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.put(article("rpt-9", 1, "只在索引中的旧文章", "索引里的旧版本。"));
        }
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            Article republished = article("rpt-2", 2, "如意先锋战疫情 党旗一线红（更正）", "更正后重新发布的正文。");
            index.catchUpWith(consumerTurnAfterReading("rpt-1", () -> {
                index.delete("rpt-2");
                store.storeIfNewer(republished);
                index.put(republished);
            }));

            assertThat(ids(index, "重新发布")).containsExactly("rpt-2");
            assertThat(index.size()).isEqualTo(3);
        }
    }

    private interface ConsumerTurn {
        void run() throws IOException;
    }

    /** The store as a catch-up reads it, with the consumer's turn between the catch-up's read of one article and its write. */
    private ArticleStore consumerTurnAfterReading(String articleId, ConsumerTurn turn) {
        return new ArticleStore(mongo) {
            @Override
            public void forEachOf(java.util.Collection<String> ids, java.util.function.Consumer<Article> consumer) {
                super.forEachOf(ids, read -> {
                    if (read.id().equals(articleId)) {
                        try {
                            turn.run();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    consumer.accept(read);
                });
            }
        };
    }

    @Test
    void anIndexThatMatchesTheStoreIsLeftAsItIsOnOpening() throws IOException {
        Path path = dir.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);
        }
        try (ArticleIndex index = ArticleIndex.open(path, ZONE)) {
            index.catchUpWith(store);

            assertThat(index.lastRebuild()).isNull();
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void aRetractionLeavesATombstoneThatALateRepublicationOfTheSameVersionCannotPass() {
        assertThat(store.retract("rpt-2", 1, Instant.parse("2026-11-21T00:00:00Z"))).isTrue();

        assertThat(store.find("rpt-2")).isEmpty();
        assertThat(store.storeIfNewer(article("rpt-2", 1, "如意先锋战疫情 党旗一线红", "重投的旧版本"))).isFalse();
        assertThat(store.find("rpt-2")).isEmpty();
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.storeIfNewer(article("rpt-2", 2, "更正后重新发布", "新版本"))).isTrue();
        assertThat(store.find("rpt-2")).get().extracting(Article::title).isEqualTo("更正后重新发布");
    }

    @Test
    void theStoreHoldsLiveArticlesUntilEveryOneIsRetracted() {
        assertThat(store.anyLive()).isTrue();

        for (String id : List.of("rpt-1", "rpt-2", "rpt-3")) store.retract(id, 1, Instant.parse("2026-11-21T00:00:00Z"));

        assertThat(store.anyLive()).isFalse();
    }

    @Test
    void aRetractionOvertakingItsPublicationKeepsThatPublicationOut() {
        assertThat(store.retract("rpt-9", 1, Instant.parse("2026-11-21T00:00:00Z"))).isTrue();

        assertThat(store.storeIfNewer(article("rpt-9", 1, "迟到的发布", "正文"))).isFalse();
        assertThat(store.find("rpt-9")).isEmpty();
    }

    @Test
    void theStoreKeepsOnlyTheNewestVersionWhateverTheOrderOfArrival() {
        assertThat(store.storeIfNewer(article("rpt-1", 3, "第三版", "正文"))).isTrue();
        assertThat(store.storeIfNewer(article("rpt-1", 2, "第二版", "正文"))).isFalse();
        assertThat(store.storeIfNewer(article("rpt-1", 3, "第三版重发", "正文"))).isFalse();

        assertThat(store.find("rpt-1")).get().extracting(Article::version, Article::title).containsExactly(3, "第三版");
        assertThat(store.count()).isEqualTo(3);
    }

    private List<String> ids(ArticleIndex index, String query) {
        return new SearchService(index, dictionary(), IndexProperties.defaults(), new SimpleMeterRegistry())
                .search(SearchRequest.of(query, null, null, null, null, null, 0, 10, null))
                .hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void aPublicationIsTimedFromItsDecisionToBeingInTheIndexAndARedeliveryIsNot() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Instant decided = Instant.parse("2026-11-20T03:00:00Z");
        java.time.Clock twoSecondsLater = java.time.Clock.fixed(decided.plusSeconds(2), java.time.ZoneOffset.UTC);
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"), ZONE)) {
            PublishedArticles service = new PublishedArticles(store, index, meters, twoSecondsLater);
            ArticlePublished publication = published("rpt-5", 1, "护士节表彰大会隆重召开", "医院表彰优秀护士。");

            service.accept(publication);
            service.accept(publication);
        }

        io.micrometer.core.instrument.Timer timer = meters.get("herald.pipeline.decision-to-searchable").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    }

    private static ArticlePublished published(String id, int version, String title, String body) {
        Article a = article(id, version, title, body);
        return new ArticlePublished(UUID.randomUUID(), a.publishedAt(), id, version, a.unit(), a.channel(), title, null, body,
                a.author(), null, null, null, a.tags(), "wang.fang", a.publishedAt(), null);
    }

    private static Article article(String id, int version, String title, String body) {
        return new Article(id, version, "贵州省人民医院党委", "工作动态", title, null, body, "宣传部", null, null,
                null, List.of("党建"), Instant.parse("2026-11-20T03:00:00Z"), null);
    }
}
