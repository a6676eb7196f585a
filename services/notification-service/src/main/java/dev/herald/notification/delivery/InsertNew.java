package dev.herald.notification.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Stores many documents keyed by what makes each unique, in unordered bulk inserts, skipping those stored
 * already: what an earlier, partial attempt at the same fan-out left is kept, the rest is added. One
 * article matching ten thousand subscriptions was ten thousand inserts, each waiting for its own commit.
 */
public final class InsertNew {

    /** Documents per insert: bounds one command's size and how long it holds the collection. */
    static final int PAGE = 1_000;

    private InsertNew() {
    }

    /** Returns the ids of the documents that were new. */
    public static <T> List<String> insert(MongoTemplate mongo, Class<T> type, List<T> documents, Function<T, String> id) {
        List<String> added = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += PAGE) {
            List<T> page = documents.subList(from, Math.min(documents.size(), from + PAGE));
            Set<Integer> there = new HashSet<>();
            try {
                mongo.bulkOps(BulkMode.UNORDERED, type).insert(page).execute();
            } catch (BulkOperationException e) {
                for (BulkWriteError error : e.getErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    there.add(error.getIndex());
                }
            }
            for (int i = 0; i < page.size(); i++) {
                if (!there.contains(i)) {
                    added.add(id.apply(page.get(i)));
                }
            }
        }
        return added;
    }
}
