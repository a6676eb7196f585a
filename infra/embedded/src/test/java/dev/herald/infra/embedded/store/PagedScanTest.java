package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-collection read that a client pages through (a batch size, no sort: a search index rebuilt from its
 * store, the start-up check of what the index holds) is read a page at a time, so a million stored articles do
 * not have to fit in the store's memory at once, and it answers exactly what a scan would.
 */
class PagedScanTest {

    private static final int ARTICLES = 5_000;

    @TempDir
    Path dir;

    private EmbeddedMongo store;
    private MongoClient client;
    private MongoCollection<Document> articles;

    @BeforeEach
    void storeWithFiveThousandArticles() {
        store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
        client = MongoClients.create(store.connectionString());
        articles = client.getDatabase("search").getCollection("articles");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            Document article = new Document("_id", String.format("rpt-%05d", i)).append("version", 1).append("body", "正文".repeat(200));
            // every tenth one retracted
            if (i % 10 == 0) article.append("retractedAt", new java.util.Date());
            batch.add(article);
            if (batch.size() == 500) {
                articles.insertMany(batch);
                batch.clear();
            }
        }
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aPagedReadOfEveryLiveArticleGivesEachOnceWithOnlyTheFieldsAskedFor() {
        Set<String> seen = new HashSet<>();
        for (Document article : articles.find(Filters.eq("retractedAt", null)).projection(Projections.include("_id", "version")).batchSize(300)) {
            assertThat(seen.add(article.getString("_id"))).as("given once: " + article.getString("_id")).isTrue();
            assertThat(article.keySet()).containsExactlyInAnyOrder("_id", "version");
        }

        assertThat(seen).hasSize(ARTICLES - ARTICLES / 10).doesNotContain("rpt-00000", "rpt-04990").contains("rpt-00001", "rpt-04999");
    }

    @Test
    void theFirstPageReadsOnlyAboutAPagesWorthOfDocuments() {
        long before = PagedScan.READ.get();

        try (MongoCursor<Document> cursor = articles.find().batchSize(100).iterator()) {
            assertThat(cursor.next().getString("_id")).isEqualTo("rpt-00000");

            long read = PagedScan.READ.get() - before;
            assertThat(read).as("documents read for the first page of 100").isPositive().isLessThan(ARTICLES / 5);
        }
    }

    @Test
    void aLimitIsKeptAcrossPages() {
        List<Document> first250 = articles.find().batchSize(100).limit(250).into(new ArrayList<>());

        assertThat(first250).hasSize(250);
        assertThat(first250.getLast().getString("_id")).isEqualTo("rpt-00249");
    }

    @Test
    void articlesDeletedWhileTheReadIsUnderWayAreNotGivenAndTheRestAre() {
        List<String> ids = new ArrayList<>();
        try (MongoCursor<Document> cursor = articles.find().batchSize(200).iterator()) {
            for (int i = 0; i < 200; i++) ids.add(cursor.next().getString("_id"));
            articles.deleteMany(Filters.in("_id", List.of("rpt-03000", "rpt-04999")));
            while (cursor.hasNext()) ids.add(cursor.next().getString("_id"));
        }

        assertThat(ids).hasSize(ARTICLES - 2).doesNotContain("rpt-03000", "rpt-04999").doesNotHaveDuplicates();
    }
}
