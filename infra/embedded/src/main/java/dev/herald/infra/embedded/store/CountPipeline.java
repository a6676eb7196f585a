package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code countDocuments}, answered through the collection's indexes. The driver sends it as an
 * aggregation ({@code $match}, then {@code $skip}/{@code $limit}, then a {@code $group} summing 1), which
 * the library runs over every document of the collection before matching any: each count of the
 * moderation queue read every review, and the counts were most of the store's work.
 */
final class CountPipeline {

    // what may accompany the pipeline without changing what is counted (a collation would: left to the library)
    private static final Set<String> HARMLESS = Set.of("aggregate", "pipeline", "cursor", "$db", "lsid", "$clusterTime",
            "txnNumber", "autocommit", "readConcern", "$readPreference", "hint", "maxTimeMS", "comment");

    private CountPipeline() {
    }

    /** The answer to {@code command} when it is a plain count, else null for the library to run it. */
    static Document answer(Document command, String databaseName, Function<String, MongoDatabase> databases) {
        if (command == null || command.isEmpty() || !"aggregate".equals(command.keySet().iterator().next())
                || !(command.get("aggregate") instanceof String name) || !HARMLESS.containsAll(command.keySet())
                || !(command.get("pipeline") instanceof List<?> stages) || stages.size() < 2
                || !(only(stages.get(0), "$match") instanceof Document filter) || !isCountGroup(stages.get(stages.size() - 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (only(stage, "$skip") instanceof Number n && skip == 0 && limit == 0 && n.intValue() >= 0) {
                skip = n.intValue();
            } else if (only(stage, "$limit") instanceof Number n && limit == 0 && n.intValue() > 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoCollection<?> collection = databases.apply(databaseName).resolveCollection(name, false);
        int count = 0;
        if (collection != null) {
            // the collection's own lock, as the library's queries take it
            synchronized (collection) {
                count = collection.count(filter, skip, limit);
            }
        }
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        return new Document("cursor", new Document("firstBatch", batch).append("id", 0L).append("ns", databaseName + "." + name))
                .append("ok", 1.0);
    }

    private static Object only(Object stage, String operator) {
        return stage instanceof Map<?, ?> document && document.size() == 1 ? document.get(operator) : null;
    }

    // {_id: 1, n: {$sum: 1}}, the driver's group
    private static boolean isCountGroup(Object stage) {
        return only(stage, "$group") instanceof Map<?, ?> group && group.size() == 2 && isOne(group.get("_id"))
                && group.get("n") instanceof Map<?, ?> sum && sum.size() == 1 && isOne(sum.get("$sum"));
    }

    private static boolean isOne(Object value) {
        return value instanceof Number n && n.doubleValue() == 1.0 && Objects.equals(n.longValue(), 1L);
    }
}
