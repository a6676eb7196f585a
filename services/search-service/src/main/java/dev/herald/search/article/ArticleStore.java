package dev.herald.search.article;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The service's own copy of every published article, newest version only. */
@Component
public class ArticleStore {

    static final int READ_BATCH = 500;

    private final MongoTemplate mongo;

    public ArticleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes the article unless the same or a newer version is already stored. The version condition
     * sits in the upsert's filter, so a stale write finds no match, tries to insert a second document
     * with the same id and is refused by the store itself, even when two writes race.
     */
    public boolean storeIfNewer(Article article) {
        Query olderVersion = Query.query(where("_id").is(article.id()).and("version").lt(article.version()));
        try {
            UpdateResult result = mongo.replace(olderVersion, article, ReplaceOptions.replaceOptions().upsert());
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException sameOrNewerStored) {
            return false;
        }
    }

    /**
     * Marks the article retracted unless a newer publication than the retracted one is stored; when the
     * retraction overtakes its publication, the tombstone it leaves keeps that publication out.
     */
    public boolean retract(String id, int version, Instant at) {
        Query upToVersion = Query.query(where("_id").is(id).and("version").lte(version));
        try {
            UpdateResult result = mongo.upsert(upToVersion, new Update().set("retractedAt", at).setOnInsert("version", version)
                    .setOnInsert("tags", List.of()), Article.class);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException republishedSince) {
            return false;
        }
    }

    /** A live (published, not retracted) article. */
    public Optional<Article> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Article.class)).filter(Article::live);
    }

    /**
     * The live articles: every stored one less the retracted, which the sparse index on {@code retractedAt} lists.
     * Counting the live ones themselves read every article, which at half a million stored took longer than a read
     * may wait, and the index's status page answered 503.
     */
    public long count() {
        return mongo.estimatedCount(Article.class) - mongo.count(Query.query(where("retractedAt").exists(true)), Article.class);
    }

    /** Whether any article is live: what a start with no index asks before rebuilding, with no count at all. */
    public boolean anyLive() {
        return mongo.exists(live(), Article.class);
    }

    /**
     * Hands every live article to the consumer without holding them all in memory. The batch size is
     * explicit because the embedded MongoDB-wire store answers a find without one with every document in
     * a single reply, which past about 8,000 articles outgrows what the driver accepts (48 MB) and failed
     * the rebuild, and with it the service's start (found by {@code ./herald search-bench}).
     */
    public void forEach(Consumer<Article> consumer) {
        try (Stream<Article> all = mongo.stream(live().cursorBatchSize(READ_BATCH), Article.class)) {
            all.filter(Article::live).forEach(consumer);
        }
    }

    /**
     * Hands over the id and version of every live article, without its text: what start-up compares the
     * index with, at a fraction of a rebuild's reading.
     */
    public void forEachVersion(BiConsumer<String, Integer> consumer) {
        Query query = live().cursorBatchSize(READ_BATCH);
        query.fields().include("_id", "version");
        try (Stream<Document> all = mongo.stream(query, Document.class, mongo.getCollectionName(Article.class))) {
            all.forEach(doc -> consumer.accept(doc.getString("_id"), ((Number) doc.get("version")).intValue()));
        }
    }

    /** Hands over those of the given articles that are live, read a batch of ids at a time. */
    public void forEachOf(Collection<String> ids, Consumer<Article> consumer) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += READ_BATCH) {
            Query batch = live().addCriteria(where("_id").in(all.subList(from, Math.min(all.size(), from + READ_BATCH))));
            mongo.find(batch, Article.class).stream().filter(Article::live).forEach(consumer);
        }
    }

    private static Query live() {
        return Query.query(where("retractedAt").is(null));
    }
}
