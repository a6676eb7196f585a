package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A non-unique index, which the library only pretends to create ("not yet implemented. ignoring"), so
 * every query on a field other than {@code _id} read the whole collection under its lock. It maps the
 * values of the index's first key to the documents holding them and answers equality, {@code $in},
 * ranges and {@code $exists}; a compound index is used through its first key. It only narrows the
 * documents a query is matched against ({@link QueryPlan}), so an answer never differs from a scan's.
 *
 * <p>Kept in memory and rebuilt from the documents when the store opens, as the library builds every
 * index it opens; nothing of it is in the file, so it cannot disagree with the data after a crash.
 */
final class SecondaryIndex extends Index<Object> {

    private final String field;
    private final NavigableMap<Object, Set<Object>> byValue = new TreeMap<>(ValueComparator.asc());
    // documents whose value is null, or an array with nothing to index: they match $exists but no value
    private final Set<Object> valueless = new HashSet<>();
    private final Map<Object, List<Object>> valuesOf = new HashMap<>();
    // documents whose field is an array: MongoDB sorts those by their least or greatest element
    private final Set<Object> arrays = new HashSet<>();
    // a value the library cannot order was added: the index no longer narrows anything, scans answer
    private boolean unordered;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        List<Object> values = new ArrayList<>();
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Collection<?> many) {
            arrays.add(position);
            for (Object one : many) {
                if (!(one instanceof Missing)) {
                    values.add(one);
                }
            }
            if (values.isEmpty() && !(Utils.getSubdocumentValue(document, field) instanceof Missing)) {
                values.add(null);
            }
        } else if (!(value instanceof Missing)) {
            values.add(value);
        }
        for (Object one : values) {
            if (one == null || one instanceof Collection<?>) {
                valueless.add(position);
            } else {
                try {
                    byValue.computeIfAbsent(one, v -> new LinkedHashSet<>()).add(position);
                } catch (UnsupportedOperationException | ClassCastException e) {
                    unordered = true;
                }
            }
        }
        valuesOf.put(position, values);
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        List<Object> values = valuesOf.remove(position);
        if (values != null) {
            forget(position, values);
        }
        return position;
    }

    private void forget(Object position, List<Object> values) {
        arrays.remove(position);
        for (Object one : values) {
            if (one == null || one instanceof Collection<?>) {
                valueless.remove(position);
            } else {
                try {
                    Set<Object> positions = byValue.get(one);
                    if (positions != null) {
                        positions.remove(position);
                        if (positions.isEmpty()) {
                            byValue.remove(one);
                        }
                    }
                } catch (UnsupportedOperationException | ClassCastException e) {
                    unordered = true; // never added either
                }
            }
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        List<Object> values = valuesOf.remove(position);
        if (values != null) {
            forget(position, values);
        }
        add(newDocument, position, collection);
    }

    /**
     * The documents that may match {@code condition} on this index's field, a superset of those that
     * do; null when the condition is one this index cannot narrow ($ne, $regex, whole-array equality...).
     */
    synchronized Collection<Object> candidates(Object condition) {
        if (unordered) {
            return null;
        }
        try {
            return narrowedBy(condition);
        } catch (UnsupportedOperationException | ClassCastException e) {
            return null; // an operand of a type the library cannot order: scan
        }
    }

    private Collection<Object> narrowedBy(Object condition) {
        if (isScalar(condition)) {
            return copy(byValue.get(condition));
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        Object lower = null;
        Object upper = null;
        boolean lowerInclusive = true;
        boolean upperInclusive = true;
        Collection<Object> found = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object operand = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (!isScalar(operand)) {
                        return null;
                    }
                    return copy(byValue.get(operand));
                }
                case "$in" -> {
                    if (!(operand instanceof Collection<?> values) || !values.stream().allMatch(SecondaryIndex::isScalar)) {
                        return null;
                    }
                    Set<Object> union = new LinkedHashSet<>();
                    values.forEach(v -> union.addAll(byValue.getOrDefault(v, Set.of())));
                    return union;
                }
                case "$exists" -> {
                    if (!Utils.isTrue(operand)) {
                        return null;
                    }
                    found = new LinkedHashSet<>(valueless);
                    byValue.values().forEach(found::addAll);
                }
                case "$gt", "$gte" -> {
                    if (!isScalar(operand)) {
                        return null;
                    }
                    lower = operand;
                    lowerInclusive = operator.getKey().equals("$gte");
                }
                case "$lt", "$lte" -> {
                    if (!isScalar(operand)) {
                        return null;
                    }
                    upper = operand;
                    upperInclusive = operator.getKey().equals("$lte");
                }
                default -> {
                    return null;
                }
            }
        }
        if (lower == null && upper == null) {
            return found;
        }
        NavigableMap<Object, Set<Object>> range = byValue;
        try {
            if (lower != null) {
                range = range.tailMap(lower, lowerInclusive);
            }
            if (upper != null) {
                range = range.headMap(upper, upperInclusive);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        Set<Object> inRange = new LinkedHashSet<>();
        range.values().forEach(inRange::addAll);
        return inRange;
    }

    /**
     * The given documents in this field's order, each beside its value, so the front of a sorted page can
     * be read without reading the rest; null when one of them has no single plain value to order by
     * (missing, null, an array), which only the library's own sort orders as MongoDB does.
     */
    synchronized List<Map.Entry<Object, Object>> inOrder(Collection<Object> positions, boolean ascending) {
        if (unordered) {
            return null;
        }
        List<Map.Entry<Object, Object>> keyed = new ArrayList<>(positions.size());
        for (Object position : positions) {
            List<Object> values = valuesOf.get(position);
            if (values == null || values.size() != 1 || !isScalar(values.get(0)) || arrays.contains(position)) {
                return null;
            }
            keyed.add(Map.entry(values.get(0), position));
        }
        Comparator<Object> order = ascending ? ValueComparator.asc() : ValueComparator.asc().reversed();
        try {
            keyed.sort(Map.Entry.comparingByKey(order));
        } catch (UnsupportedOperationException | ClassCastException e) {
            return null;
        }
        return keyed;
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression) && !(value instanceof Missing);
    }

    private static Collection<Object> copy(Set<Object> positions) {
        return positions == null ? List.of() : new ArrayList<>(positions);
    }

    @Override
    public synchronized Object getPosition(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        return valuesOf.containsKey(position) ? position : null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public boolean canHandle(Document query) {
        // the library would ask for positions of exactly its keys; QueryPlan asks through candidates()
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("asked through candidates()");
    }

    @Override
    public synchronized long getCount() {
        return valuesOf.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        valueless.clear();
        valuesOf.clear();
        arrays.clear();
        unordered = false;
    }
}
