package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend whose collections find a document by its {@code _id} even when the filter names
 * more fields. The library uses an index only when a filter's fields are exactly the index's, so
 * {@code {_id, version}} (every optimistic-locking save) or {@code {_id, owner}} (every claim) read the
 * whole collection under its lock: with ten thousand reports each approval scanned ten thousand
 * documents and the store, not the services, set the platform's pace.
 */
public final class IdLookupH2Backend extends H2Backend {

    // the library's database constructor opens its collections before a subclass can keep the store
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    public IdLookupH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        try {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            OPENING.remove();
        }
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mv = store != null ? store : OPENING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            // the map names the library gives a collection, so existing files open as before
            MVMap<Object, Document> data = mv.openMap("databases." + fullName);
            MVMap<String, Object> meta = mv.openMap("meta." + fullName);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }
}
