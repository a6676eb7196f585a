package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The H2 file backend with the indexes MongoDB has and the library lacks: filters naming {@code _id}
 * and more, and fields with a non-unique index, are looked up rather than scanned
 * ({@link IndexedCollection}, {@link SecondaryIndex}); TTL indexes expire their documents
 * ({@link #expire(Instant)}), so processed-event records and finished deliveries stop growing forever.
 */
public final class IndexedH2Backend extends H2Backend {

    // the library's database constructor opens its collections before a subclass can keep the store
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    /** The collections whose secondary indexes wait to be filled once their database is open. */
    static final ThreadLocal<List<IndexedCollection>> COLLECTIONS_OPENING = new ThreadLocal<>();

    // no initializer: the library's constructor opens the databases in the file before fields are set;
    // volatile, as the upkeep thread's TTL passes read what the server's threads open
    private volatile List<Database> databases;

    public IndexedH2Backend(String fileName, boolean compressPages) {
        super(open(fileName, compressPages));
    }

    /**
     * Without MVStore's background writer: Herald commits each acknowledged write itself
     * ({@link GroupCommit}) and compacts in passes of its own ({@link StoreHousekeeping}), both with the
     * writers held off. The writer would commit half-done writes, and compacted the file while the
     * constructor below scanned every collection, so a large, fragmented file failed to open.
     */
    private static MVStore open(String fileName, boolean compressPages) {
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0);
        return (compressPages ? builder.compress() : builder).open();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        List<IndexedCollection> opened = new java.util.ArrayList<>();
        COLLECTIONS_OPENING.set(opened);
        try {
            Database database = new Database(databaseName, getMvStore(), getCursorRegistry());
            COLLECTIONS_OPENING.remove();
            opened.forEach(IndexedCollection::fillUnfilledIndexes);
            if (databases == null) {
                databases = new CopyOnWriteArrayList<>();
            }
            databases.add(database);
            return database;
        } finally {
            OPENING.remove();
            COLLECTIONS_OPENING.remove();
        }
    }

    /**
     * Deletes the documents whose TTL-indexed date lies more than the index's {@code expireAfterSeconds}
     * before {@code now}, as MongoDB's TTL monitor does once a minute; returns how many.
     */
    public int expire(Instant now) {
        List<Database> opened = databases;
        if (opened == null) {
            // a fresh file whose services have not connected yet (a slow start): nothing to expire
            return 0;
        }
        int deleted = 0;
        for (Database database : opened) {
            deleted += database.expire(now);
        }
        return deleted;
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mv = mvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            // the map names the library gives a collection, so existing files open as before
            MVMap<Object, Document> data = mv.openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            MVMap<String, Object> meta = mv.openMap("meta." + fullName);
            return new IndexedCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /**
         * Under a name of its own: the library's map of the same index ordered its keys by their Java-serialized
         * bytes, an order this one does not share. A file of an earlier version has that map and not this one;
         * the old one is dropped and this one, opening empty, is filled from the documents as the library fills
         * any index it opens empty.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore mv = mvStore();
            String earlier = earlierIndexMap(collectionName, indexName);
            if (mv.hasMap(earlier)) {
                mv.removeMap(earlier);
            }
            MVMap<KeyValue, Object> map = mv.openMap(indexMap(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new KeyValueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = indexMap(collection.getCollectionName(), indexName);
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }

        // while the library's constructor opens the file's collections, the field is not set yet
        private MVStore mvStore() {
            return store != null ? store : OPENING.get();
        }

        private String earlierIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        private String indexMap(String collectionName, String indexName) {
            return earlierIndexMap(collectionName, indexName) + ".keys";
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex(indexName, keys, sparse);
        }

        int expire(Instant now) {
            MongoCollection<?> descriptions = resolveCollection("system.indexes", false);
            if (descriptions == null) {
                return 0;
            }
            int deleted = 0;
            for (Document description : descriptions.queryAll()) {
                if (description.get("expireAfterSeconds") instanceof Number seconds
                        && description.get("key") instanceof Document key && key.size() == 1) {
                    String ns = String.valueOf(description.get("ns"));
                    MongoCollection<?> collection = resolveCollection(ns.substring(getDatabaseName().length() + 1), false);
                    if (collection != null) {
                        // the store holds BSON dates as instants
                        Instant cutoff = now.minusSeconds(seconds.longValue());
                        String field = key.keySet().iterator().next();
                        deleted += collection.deleteDocuments(new Document(field, new Document("$lt", cutoff)), 0);
                    }
                }
            }
            return deleted;
        }
    }
}
