package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A collection that answers a filter naming {@code _id} and other fields from the {@code _id} index:
 * the documents with that id (at most one, or one per value of an {@code $in}) are then matched against
 * the whole filter, so the answer is the one a full scan gives.
 */
final class IdLookupCollection extends H2Collection {

    /** Queries answered through the id index that the library would have answered by a full scan. */
    static final AtomicLong LOOKUPS = new AtomicLong();

    IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                       MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        Object id = idCondition(query);
        if (id != null && getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
            Document byId = new Document("_id", id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    LOOKUPS.incrementAndGet();
                    return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    /**
     * The id a filter requires beside other conditions, written flat ({@code {_id: 1, version: 2}}, as
     * Spring Data does) or as an {@code $and} (as the driver's {@code Filters.and} does); null otherwise.
     */
    private static Object idCondition(Document query) {
        if (query.size() > 1 && query.containsKey("_id")) {
            return query.get("_id");
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document condition && condition.size() == 1 && condition.containsKey("_id")) {
                    return condition.get("_id");
                }
            }
        }
        return null;
    }
}
