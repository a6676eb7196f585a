package dev.herald.search.article;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The service's own copy of every published article, newest version only. */
@Component
public class ArticleStore {

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

    public Optional<Article> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Article.class));
    }

    public long count() {
        return mongo.count(new Query(), Article.class);
    }

    /** Hands every stored article to the consumer without holding them all in memory. */
    public void forEach(Consumer<Article> consumer) {
        try (Stream<Article> all = mongo.stream(new Query(), Article.class)) {
            all.forEach(consumer);
        }
    }
}
