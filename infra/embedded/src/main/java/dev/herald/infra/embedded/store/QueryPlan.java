package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
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
        Collection<Object> best = null;
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Collection<Object> found = switch (condition.getKey()) {
                case "$or" -> union(condition.getValue(), indexes);
                case "$and" -> narrowest(condition.getValue(), indexes);
                default -> condition.getKey().startsWith("$") ? null : onField(condition.getKey(), condition.getValue(), indexes);
            };
            if (found != null && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        return best;
    }

    private static Collection<Object> union(Object branches, List<Index<Object>> indexes) {
        if (!(branches instanceof List<?> all) || all.isEmpty()) {
            return null;
        }
        Set<Object> union = new LinkedHashSet<>();
        for (Object branch : all) {
            Collection<Object> found = branch instanceof Document filter ? candidates(filter, indexes) : null;
            if (found == null) {
                return null; // one branch needs a scan, so the whole $or does
            }
            union.addAll(found);
        }
        return union;
    }

    private static Collection<Object> narrowest(Object parts, List<Index<Object>> indexes) {
        if (!(parts instanceof List<?> all)) {
            return null;
        }
        Collection<Object> best = null;
        for (Object part : all) {
            Collection<Object> found = part instanceof Document filter ? candidates(filter, indexes) : null;
            if (found != null && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        return best;
    }

    private static Collection<Object> onField(String field, Object condition, List<Index<Object>> indexes) {
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary) {
                if (secondary.field().equals(field)) {
                    Collection<Object> found = secondary.candidates(condition);
                    if (found != null) {
                        return found;
                    }
                }
            } else if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(field)) {
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
