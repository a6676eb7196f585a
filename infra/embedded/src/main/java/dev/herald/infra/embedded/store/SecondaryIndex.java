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
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
 * It also keeps each document's values of all its keys, so that candidates can be put in the order of a
 * sort on those keys without reading the documents ({@link #inOrder}).
 *
 * <p>Kept in memory and rebuilt from the documents when the store opens, as the library builds every
 * index it opens; nothing of it is in the file, so it cannot disagree with the data after a crash.
 */
final class SecondaryIndex extends Index<Object> {

    // stands for a key value the index cannot order (missing, null, an array, a subdocument)
    private static final Object NOT_PLAIN = new Object();

    private final String field;
    private final List<String> keyFields;
    // each document's value of every key, in the keys' order: what a sort on them compares
    private final Map<Object, Object[]> tuples = new HashMap<>();
    // a value's documents: the one document's position itself while it has one (most values: an id, a time), a
    // Positions set from the second on; a set for every value cost a million stored reports gigabytes of heap
    private final NavigableMap<Object, Object> byValue = new TreeMap<>(ValueComparator.asc());
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
        this.keyFields = keys.stream().map(IndexKey::getKey).toList();
    }

    String field() {
        return field;
    }

    // where a field's value sits in a document's tuple; -1 for the id, which is the document's position
    private int slot(String keyField) {
        return keyField.equals("_id") ? -1 : keyFields.indexOf(keyField);
    }

    /** Whether a sort on {@code sortField} can be ordered by this index: one of its keys, or the id every document has. */
    boolean orders(String sortField) {
        return sortField.equals("_id") || keyFields.contains(sortField);
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
        for (int i = 0; i < values.size(); i++) {
            Object one = values.get(i);
            if (one == null || one instanceof Collection<?>) {
                valueless.add(position);
            } else {
                try {
                    byValue.merge(one, position, SecondaryIndex::joined);
                    // a status or a unit's name repeats over a million documents: keep the index's one copy of it
                    if (one instanceof String && byValue.ceilingKey(one) instanceof String held && held.equals(one)) {
                        values.set(i, held);
                    }
                } catch (UnsupportedOperationException | ClassCastException e) {
                    unordered = true;
                }
            }
        }
        valuesOf.put(position, compact(values));
        // a single key's value is in valuesOf already: only compound indexes keep tuples
        if (keyFields.size() > 1) {
            Object[] tuple = new Object[keyFields.size()];
            for (int i = 0; i < tuple.length; i++) {
                Object keyValue = Utils.getSubdocumentValueCollectionAware(document, keyFields.get(i));
                tuple[i] = isScalar(keyValue) ? keyValue : NOT_PLAIN;
            }
            tuples.put(position, tuple);
        }
    }

    // each key's value of one document, or null when the index does not hold it
    private Object[] tupleOf(Object position) {
        if (keyFields.size() > 1) {
            return tuples.get(position);
        }
        List<Object> values = valuesOf.get(position);
        if (values == null) {
            return null;
        }
        boolean plain = values.size() == 1 && isScalar(values.get(0)) && !arrays.contains(position);
        return new Object[]{plain ? values.get(0) : NOT_PLAIN};
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        List<Object> values = valuesOf.remove(position);
        if (values != null) {
            forget(position, values);
        }
        tuples.remove(position);
        return position;
    }

    private void forget(Object position, List<Object> values) {
        arrays.remove(position);
        for (Object one : values) {
            if (one == null || one instanceof Collection<?>) {
                valueless.remove(position);
            } else {
                try {
                    Object held = byValue.get(one);
                    if (held instanceof Positions positions) {
                        positions.remove(position);
                        if (positions.size() == 1) {
                            byValue.put(one, positions.iterator().next());
                        } else if (positions.isEmpty()) {
                            byValue.remove(one);
                        }
                    } else if (held != null && held.equals(position)) {
                        byValue.remove(one);
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
        tuples.remove(position);
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
            return copy(positionsIn(byValue.get(condition)));
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
                    return copy(positionsIn(byValue.get(operand)));
                }
                case "$in" -> {
                    if (!(operand instanceof Collection<?> values) || !values.stream().allMatch(SecondaryIndex::isScalar)) {
                        return null;
                    }
                    Set<Object> union = new LinkedHashSet<>();
                    values.forEach(v -> union.addAll(positionsIn(byValue.get(v))));
                    return union;
                }
                case "$exists" -> {
                    if (!Utils.isTrue(operand)) {
                        return null;
                    }
                    found = new LinkedHashSet<>(valueless);
                    for (Object held : byValue.values()) {
                        found.addAll(positionsIn(held));
                    }
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
        NavigableMap<Object, Object> range = byValue;
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
        for (Object held : range.values()) {
            inRange.addAll(positionsIn(held));
        }
        return inRange;
    }

    /**
     * The given documents in the order of {@code sort} (each a key of this index or {@code _id}, ascending or
     * not), each beside its sort values, so the front of a sorted page can be read without reading the rest;
     * null when one of them has no single plain value to order by (missing, null, an array), which only the
     * library's own sort orders as MongoDB does.
     */
    synchronized List<Map.Entry<List<Object>, Object>> inOrder(Collection<Object> positions, List<Map.Entry<String, Boolean>> sort) {
        int[] slots = sort.stream().mapToInt(s -> slot(s.getKey())).toArray();
        List<Map.Entry<List<Object>, Object>> keyed = new ArrayList<>(positions.size());
        for (Object position : positions) {
            Object[] tuple = tupleOf(position);
            if (tuple == null) {
                return null;
            }
            Object[] values = new Object[slots.length];
            for (int i = 0; i < slots.length; i++) {
                Object value = slots[i] < 0 ? position : tuple[slots[i]];
                if (value == NOT_PLAIN || !isScalar(value)) {
                    return null;
                }
                values[i] = value;
            }
            keyed.add(Map.entry(Arrays.asList(values), position));
        }
        try {
            keyed.sort(Map.Entry.comparingByKey(order(sort)));
        } catch (UnsupportedOperationException | ClassCastException | IllegalArgumentException e) {
            return null;
        }
        return keyed;
    }

    /**
     * How many documents hold every one of {@code equalities} (field to a plain value, the first key's among
     * them, all keys of this index), counted from the index without reading a document; null when a document
     * holds one of those fields as something else than a plain value (an array, say), which only matching
     * the document answers.
     */
    synchronized Long countEqual(Map<String, Object> equalities) {
        if (unordered || !equalities.containsKey(field) || !keyFields.containsAll(equalities.keySet())
                || !equalities.values().stream().allMatch(SecondaryIndex::isScalar)) {
            return null;
        }
        Object held;
        try {
            held = byValue.get(equalities.get(field));
        } catch (UnsupportedOperationException | ClassCastException e) {
            return null;
        }
        if (held == null) {
            return 0L;
        }
        Collection<Object> positions = positionsIn(held);
        Comparator<Object> asc = ValueComparator.asc();
        int[] slots = equalities.keySet().stream().mapToInt(this::slot).toArray();
        Object[] wanted = equalities.values().toArray();
        long count = 0;
        for (Object position : positions) {
            Object[] tuple = tupleOf(position);
            if (tuple == null || arrays.contains(position)) {
                return null;
            }
            boolean all = true;
            for (int i = 0; i < slots.length; i++) {
                Object value = tuple[slots[i]];
                if (value == NOT_PLAIN) {
                    return null;
                }
                try {
                    // the library's own equality: 1, 1L and 1.0 are one value, a string and a date never are
                    all &= asc.compare(value, wanted[i]) == 0;
                } catch (UnsupportedOperationException | ClassCastException e) {
                    return null;
                }
            }
            if (all) {
                count++;
            }
        }
        return count;
    }

    /**
     * The plain values a filter asks its fields to equal ({@code {f: v}} or {@code {f: {$eq: v}}}, v a scalar);
     * its other conditions are left out, so a document holding these values may still fail the filter.
     */
    static Map<String, Object> equalities(Map<String, Object> query) {
        Map<String, Object> equalities = new HashMap<>();
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Object value = condition.getValue();
            if (value instanceof Document operators && operators.size() == 1 && operators.containsKey("$eq")) {
                value = operators.get("$eq");
            }
            if (!condition.getKey().startsWith("$") && isScalar(value)) {
                equalities.put(condition.getKey(), value);
            }
        }
        return equalities;
    }

    /** How many of this index's keys after the first are among {@code fields}. */
    int laterKeysAmong(Set<String> fields) {
        return (int) keyFields.stream().skip(1).filter(fields::contains).count();
    }

    /**
     * Those of {@code candidates} whose values of this index's later keys do not contradict {@code equalities}:
     * a candidate the index holds no plain value for (missing, an array) is kept for its document to decide.
     */
    synchronized Collection<Object> keepEqual(Collection<Object> candidates, Map<String, Object> equalities) {
        if (keyFields.size() < 2) {
            return candidates;
        }
        List<Integer> slots = new ArrayList<>();
        List<Object> wanted = new ArrayList<>();
        for (int i = 1; i < keyFields.size(); i++) {
            if (equalities.containsKey(keyFields.get(i))) {
                slots.add(i);
                wanted.add(equalities.get(keyFields.get(i)));
            }
        }
        Comparator<Object> asc = ValueComparator.asc();
        List<Object> kept = new ArrayList<>();
        for (Object position : candidates) {
            Object[] tuple = tuples.get(position);
            if (tuple == null || agrees(tuple, slots, wanted, asc)) {
                kept.add(position);
            }
        }
        return kept;
    }

    private static boolean agrees(Object[] tuple, List<Integer> slots, List<Object> wanted, Comparator<Object> asc) {
        for (int i = 0; i < slots.size(); i++) {
            Object value = tuple[slots.get(i)];
            if (value == NOT_PLAIN) {
                continue;
            }
            try {
                if (asc.compare(value, wanted.get(i)) != 0) {
                    return false;
                }
            } catch (UnsupportedOperationException | ClassCastException e) {
                // the library cannot compare them: the document decides
            }
        }
        return true;
    }

    /** How two lists of sort values compare: value by value, each in its sort's direction. */
    static Comparator<List<Object>> order(List<Map.Entry<String, Boolean>> sort) {
        Comparator<Object> asc = ValueComparator.asc();
        return (a, b) -> {
            for (int i = 0; i < sort.size(); i++) {
                int c = asc.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return sort.get(i).getValue() ? c : -c;
                }
            }
            return 0;
        };
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression) && !(value instanceof Missing);
    }

    private static Collection<Object> copy(Collection<Object> positions) {
        return new ArrayList<>(positions);
    }

    /** A value's documents as byValue holds them: nothing, one position, or a Positions set. */
    private static Collection<Object> positionsIn(Object held) {
        if (held == null) {
            return List.of();
        }
        return held instanceof Positions positions ? positions : List.of(held);
    }

    private static Object joined(Object held, Object added) {
        if (held instanceof Positions positions) {
            positions.add(added);
            return positions;
        }
        if (held.equals(added)) {
            return held;
        }
        Positions positions = new Positions();
        positions.add(held);
        positions.add(added);
        return positions;
    }

    // most documents hold one value of the field: a list of one costs a fraction of a growable one
    private static List<Object> compact(List<Object> values) {
        return switch (values.size()) {
            case 0 -> List.of();
            case 1 -> Collections.singletonList(values.get(0));
            default -> Arrays.asList(values.toArray());
        };
    }

    /** More than one document holding a value, in the order they were added. */
    private static final class Positions extends LinkedHashSet<Object> {
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
        tuples.clear();
        arrays.clear();
        unordered = false;
    }
}
