package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A collection that answers a filter from its indexes whenever one condition of it can be looked up:
 * the {@code _id} beside other fields (every versioned save, every claim), a field with a secondary
 * index ({@link SecondaryIndex}), an {@code $or} of such. The library uses an index only when a filter
 * names exactly the index's fields, and otherwise reads the whole collection under its lock, so with
 * ten thousand reports each approval scanned ten thousand documents and the store set the platform's
 * pace. The documents found are then matched against the whole filter, so the answer is a scan's.
 */
final class IndexedCollection extends H2Collection {

    /** Queries answered through an index that the library would have answered by a full scan. */
    static final AtomicLong LOOKUPS = new AtomicLong();

    private final MVMap<Object, Document> data;

    IndexedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                      MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        if (!query.isEmpty() && !isNatural(orderBy) && getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
            Collection<Object> candidates = QueryPlan.candidates(query, getIndexes());
            if (candidates != null) {
                LOOKUPS.incrementAndGet();
                // in the file's order, the order a scan gives, so nothing depends on which path answered
                List<Object> positions = new ArrayList<>(candidates);
                positions.sort(data.getKeyType()::compare);
                return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }
}
