package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which documents a filter needs to be matched against, found through the collection's indexes: the
 * smallest set any one condition narrows it to, a union for an {@code $or} whose every branch narrows.
 * Null means no index helps and the collection is scanned, as the library always did.
 */
final class QueryPlan {

    private QueryPlan() {
    }

    static Collection<Object> candidates(Document query, List<Index<Object>> indexes) {
        return candidates(query, Map.of(), indexes);
    }

    // outer: the equalities of the filters this one is a branch or a part of, which hold for it too
    private static Collection<Object> candidates(Document query, Map<String, Object> outer, List<Index<Object>> indexes) {
        Collection<Object> best = null;
        Map<String, Object> equalities = new HashMap<>(outer);
        equalities.putAll(conjunctive(query));
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Collection<Object> found = switch (condition.getKey()) {
                case "$or" -> union(condition.getValue(), equalities, indexes);
                case "$and" -> narrowest(condition.getValue(), equalities, indexes);
                default -> condition.getKey().startsWith("$") ? null
                        : onField(condition.getKey(), condition.getValue(), equalities, indexes);
            };
            if (found != null && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        return best;
    }

    // the plain equalities every matching document holds: the filter's own and those of its $and parts
    private static Map<String, Object> conjunctive(Document query) {
        Map<String, Object> equalities = new HashMap<>(SecondaryIndex.equalities(query));
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document filter) {
                    equalities.putAll(conjunctive(filter));
                }
            }
        }
        return equalities;
    }

    private static Collection<Object> union(Object branches, Map<String, Object> outer, List<Index<Object>> indexes) {
        if (!(branches instanceof List<?> all) || all.isEmpty()) {
            return null;
        }
        Set<Object> union = new LinkedHashSet<>();
        for (Object branch : all) {
            Collection<Object> found = branch instanceof Document filter ? candidates(filter, outer, indexes) : null;
            if (found == null) {
                return null; // one branch needs a scan, so the whole $or does
            }
            union.addAll(found);
        }
        return union;
    }

    private static Collection<Object> narrowest(Object parts, Map<String, Object> outer, List<Index<Object>> indexes) {
        if (!(parts instanceof List<?> all)) {
            return null;
        }
        Collection<Object> best = null;
        for (Object part : all) {
            Collection<Object> found = part instanceof Document filter ? candidates(filter, outer, indexes) : null;
            if (found != null && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        return best;
    }

    /**
     * Through the index on {@code field} that also holds most of the filter's other equalities among its later
     * keys: a compound index then keeps only the candidates whose values of those keys match, without reading
     * them, so a queue filtered by status and unit reads the unit's reviews of that status, not every review of it.
     */
    private static Collection<Object> onField(String field, Object condition, Map<String, Object> equalities,
                                              List<Index<Object>> indexes) {
        SecondaryIndex best = null;
        int held = -1;
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary && secondary.field().equals(field)) {
                int holds = secondary.laterKeysAmong(equalities.keySet());
                if (holds > held) {
                    best = secondary;
                    held = holds;
                }
            }
        }
        if (best != null) {
            Collection<Object> found = best.candidates(condition);
            if (found != null) {
                return held > 0 ? best.keepEqual(found, equalities) : found;
            }
        }
        for (Index<Object> index : indexes) {
            if (!(index instanceof SecondaryIndex) && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(field)) {
                Document alone = new Document(field, condition);
                try {
                    if (index.canHandle(alone)) {
                        List<Object> found = new ArrayList<>();
                        index.getPositions(alone).forEach(found::add);
                        return found;
                    }
                } catch (UnsupportedOperationException e) {
                    // an operator the unique index does not serve: try another index, or scan
                }
            }
        }
        return null;
    }
}
