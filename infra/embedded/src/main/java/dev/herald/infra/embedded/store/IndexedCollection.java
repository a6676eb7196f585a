package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Documents read to answer those queries: what a sorted page through an index costs. */
    static final AtomicLong READ = new AtomicLong();
    /** Sorted pages answered from the front of their candidates rather than from all of them. */
    static final AtomicLong FRONT_PAGES = new AtomicLong();
    /** Counts answered by an index alone. */
    static final AtomicLong EXACT_COUNTS = new AtomicLong();
    /** Documents read to fill secondary indexes, when an index is created and when the store opens. */
    static final AtomicLong INDEX_BUILD_READS = new AtomicLong();
    // a scan of a large collection is the store's usual bottleneck, so each kind is logged once
    private static final int LARGE = 1_000;
    private static final Set<String> SCANNED = ConcurrentHashMap.newKeySet();
    private static final Logger log = LoggerFactory.getLogger(IndexedCollection.class);

    private final MVMap<Object, Document> data;
    // secondary indexes registered while the store opens, filled together by one read of the documents
    private final List<SecondaryIndex> unfilled = new ArrayList<>();

    IndexedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                      MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    /**
     * A secondary index is filled by one read of the documents: the library reads them all twice for any new
     * index, once to check each against it (a non-unique index refuses nothing) and once to add them. While the
     * store opens, the indexes of a collection are not filled one by one but all at once afterwards
     * ({@link #fillUnfilledIndexes}): with ten indexes on the reviews, opening a store of 89,000 reviews read
     * each of them twenty times.
     */
    @Override
    public void addIndex(de.bwaldvogel.mongo.backend.Index<Object> index) {
        boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (!(index instanceof SecondaryIndex secondary) || known || !index.isEmpty()) {
            super.addIndex(index);
            return;
        }
        List<IndexedCollection> opening = IndexedH2Backend.COLLECTIONS_OPENING.get();
        if (opening != null) {
            unfilled.add(secondary);
            if (!opening.contains(this)) {
                opening.add(this);
            }
        } else {
            fill(List.of(secondary));
        }
        getIndexes().add(index);
    }

    /** Fills the indexes registered while the store opened, in one read of the documents. */
    void fillUnfilledIndexes() {
        if (!unfilled.isEmpty()) {
            fill(List.copyOf(unfilled));
            unfilled.clear();
        }
    }

    private void fill(List<SecondaryIndex> indexes) {
        streamAllDocumentsWithPosition().forEach(document -> {
            INDEX_BUILD_READS.incrementAndGet();
            for (SecondaryIndex index : indexes) {
                index.add(document.getDocument(), document.getPosition(), this);
            }
        });
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        if (batchSize > 0 && skip <= 0 && (orderBy == null || orderBy.isEmpty()) && data.size() >= LARGE
                && getIndexes().stream().noneMatch(index -> index.canHandle(query))
                && (query.isEmpty() || QueryPlan.candidates(query, getIndexes()) == null)) {
            return pagedScan(query, limit, batchSize, fields);
        }
        if (!query.isEmpty() && !isNatural(orderBy) && getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
            Collection<Object> candidates = QueryPlan.candidates(query, getIndexes());
            if (candidates != null) {
                LOOKUPS.incrementAndGet();
                QueryResult front = frontOfSortedPage(query, candidates, orderBy, skip, limit, batchSize, fields);
                return front != null ? front : matchInFileOrder(query, candidates, orderBy, skip, limit, batchSize, fields);
            }
            if (data.size() >= LARGE && SCANNED.add(getFullName() + " " + shape(query))) {
                log.info("store: {} ({} documents) read whole for a filter on {}: no index narrows it", getFullName(), data.size(),
                        shape(query));
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    /** A scan the client pages through in id order, read a page at a time rather than matched whole up front. */
    private QueryResult pagedScan(Document query, int limit, int batchSize, Document fields) {
        PagedScan scan = new PagedScan(cursorRegistry.generateCursorId(), data,
                documents -> matchDocumentsFromStream(documents.stream(), query, new Document(), 0, 0, 0, fields).collectDocuments(), limit);
        List<Document> first = scan.takeDocuments(batchSize);
        if (scan.isEmpty()) return new QueryResult(first);
        cursorRegistry.add(scan);
        return new QueryResult(first, scan);
    }

    /**
     * A count of documents equal to plain values on keys of one index is the index's to give: the inbox's total
     * and unread figures read every notice of their owner on each page before.
     */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        Map<String, Object> equalities = query == null ? Map.of() : SecondaryIndex.equalities(query);
        // exact only when every condition is a plain equality
        if (!equalities.isEmpty() && equalities.size() == query.size()) {
            for (Object any : getIndexes()) {
                Long found = any instanceof SecondaryIndex secondary ? secondary.countEqual(equalities) : null;
                if (found != null) {
                    EXACT_COUNTS.incrementAndGet();
                    long counted = Math.max(0, found - Math.max(0, skip));
                    return (int) (limit > 0 ? Math.min(limit, counted) : counted);
                }
            }
        }
        return super.count(query, skip, limit);
    }

    // the fields a filter names, without their values: one line per kind of query, not per query
    private static String shape(Object filter) {
        if (filter instanceof Document document) {
            return document.entrySet().stream().map(e -> e.getKey().startsWith("$") && !(e.getValue() instanceof List<?>)
                    ? e.getKey() : e.getKey() + (e.getValue() instanceof List<?> list
                    ? list.stream().map(IndexedCollection::shape).toList().toString() : ""))
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        }
        return "";
    }

    /**
     * A sorted page of many candidates, read from the front of the sort's order as an index gives it: only as
     * many documents as the page needs, taking whole runs of equal sort values so that ties break as a scan
     * breaks them. With a thousand copies of one report, each near-duplicate lookup read all thousand to keep
     * the earliest fifty, and the store's cost grew with the square of the reports; an inbox sorted by
     * {@code read}, then time, read every notice of its owner for each page. The index chosen is the one whose
     * keys (or the id) cover the longest leading part of the sort. Null when none covers its first field, or
     * the candidates are few enough to read.
     */
    private QueryResult frontOfSortedPage(Document query, Collection<Object> candidates, Document orderBy, int skip, int limit,
                                          int batchSize, Document fields) {
        int wanted = skip + limit;
        if (limit <= 0 || orderBy == null || orderBy.isEmpty() || candidates.size() <= 2L * wanted) {
            return null;
        }
        List<Map.Entry<String, Boolean>> sort = new ArrayList<>();
        for (Map.Entry<String, Object> by : orderBy.entrySet()) {
            if (!(by.getValue() instanceof Number direction)) {
                break;
            }
            sort.add(Map.entry(by.getKey(), direction.intValue() >= 0));
        }
        SecondaryIndex index = null;
        int covered = 0;
        for (Object any : getIndexes()) {
            if (any instanceof SecondaryIndex secondary) {
                int leading = 0;
                while (leading < sort.size() && secondary.orders(sort.get(leading).getKey())) {
                    leading++;
                }
                if (leading > covered) {
                    index = secondary;
                    covered = leading;
                }
            }
        }
        List<Map.Entry<String, Boolean>> used = sort.subList(0, covered);
        List<Map.Entry<List<Object>, Object>> ordered = index == null ? null : index.inOrder(candidates, used);
        if (ordered == null) {
            return null;
        }
        java.util.Comparator<List<Object>> same = SecondaryIndex.order(used);
        for (long take = wanted; ; take *= 2) {
            int end = (int) Math.min(take, ordered.size());
            while (end < ordered.size() && same.compare(ordered.get(end).getKey(), ordered.get(end - 1).getKey()) == 0) {
                end++;
            }
            List<Object> front = ordered.subList(0, end).stream().map(Map.Entry::getValue).toList();
            if (end == ordered.size()) {
                return matchInFileOrder(query, front, orderBy, skip, limit, batchSize, fields);
            }
            // every document past the front sorts after all of it: enough matches here is the whole answer
            if (matchInFileOrder(query, front, null, 0, wanted, 0, null).collectDocuments().size() >= wanted) {
                FRONT_PAGES.incrementAndGet();
                return matchInFileOrder(query, front, orderBy, skip, limit, batchSize, fields);
            }
        }
    }

    // in the file's order, the order a scan gives, so nothing depends on which path answered
    private QueryResult matchInFileOrder(Document query, Collection<Object> candidates, Document orderBy, int skip, int limit,
                                         int batchSize, Document fields) {
        List<Object> positions = new ArrayList<>(candidates);
        positions.sort(data.getKeyType()::compare);
        READ.addAndGet(positions.size());
        return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }
}
