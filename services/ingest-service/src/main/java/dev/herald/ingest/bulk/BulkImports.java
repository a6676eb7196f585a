package dev.herald.ingest.bulk;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The store of bulk import jobs and of their items that made no report. */
@Component
class BulkImports {

    private final MongoTemplate mongo;
    private final BulkProperties properties;
    private final Clock clock;

    BulkImports(MongoTemplate mongo, BulkProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the unit's import under this key, or starts it again when it finished or was abandoned (no
     * progress for {@code stale-after}); while it runs, a second request with the same key is a conflict.
     */
    BulkImport start(String unit, String key) {
        String id = "blk-" + UUID.nameUUIDFromBytes((unit + "\n" + key).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Query restartable = query(where("_id").is(id).orOperator(
                where("status").ne(BulkImportStatus.RUNNING), where("updatedAt").lt(now.minus(properties.staleAfter()))));
        Update restart = new Update().set("status", BulkImportStatus.RUNNING).inc("attempt", 1)
                .set("processed", 0L).set("created", 0L).set("duplicate", 0L).set("invalid", 0L)
                .set("startedAt", now).set("updatedAt", now).unset("finishedAt").unset("failure");
        BulkImport restarted = mongo.findAndModify(restartable, restart, FindAndModifyOptions.options().returnNew(true), BulkImport.class);
        if (restarted != null) {
            mongo.remove(query(where("importId").is(id)), BulkImportItem.class);
            return restarted;
        }
        try {
            return mongo.insert(new BulkImport(id, unit, key, BulkImportStatus.RUNNING, 1, 0, 0, 0, 0, now, now, null, null));
        } catch (DuplicateKeyException running) {
            throw new ConflictException("bulk import " + id + " with this Idempotency-Key is still running; "
                    + "watch it at /api/reports/bulk/" + id);
        }
    }

    /** Records the counts so far and the kept results since the last call. */
    void progress(String id, BulkTally tally, List<BulkItemResult> kept) {
        keep(id, kept);
        mongo.updateFirst(query(where("_id").is(id)), counts(tally), BulkImport.class);
    }

    void finish(String id, BulkTally tally, List<BulkItemResult> kept, BulkImportStatus status, String failure) {
        keep(id, kept);
        Update update = counts(tally).set("status", status).set("finishedAt", clock.instant());
        if (failure != null) {
            update.set("failure", failure);
        }
        mongo.updateFirst(query(where("_id").is(id)), update, BulkImport.class);
    }

    private void keep(String id, List<BulkItemResult> kept) {
        if (!kept.isEmpty()) {
            mongo.insertAll(kept.stream().map(r -> BulkImportItem.of(id, r)).toList());
        }
    }

    private Update counts(BulkTally tally) {
        return new Update().set("processed", tally.processed()).set("created", tally.created)
                .set("duplicate", tally.duplicate).set("invalid", tally.invalid).set("updatedAt", clock.instant());
    }

    /** The import, for its own unit, or for anyone when {@code unit} is null; another unit's is a 404. */
    BulkImport get(String id, String unit) {
        BulkImport found = mongo.findById(id, BulkImport.class);
        if (found == null || (unit != null && !unit.equals(found.unit()))) {
            throw new NotFoundException("bulk import", id);
        }
        return found;
    }

    BulkItemsPage items(BulkImport job, BulkItemStatus status, int page, int size) {
        Criteria criteria = where("importId").is(job.id());
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        long total = mongo.count(query(criteria), BulkImportItem.class);
        List<BulkItemResult> items = mongo.find(query(criteria).with(Sort.by("line")).skip((long) page * size).limit(size),
                BulkImportItem.class).stream().map(BulkImportItem::result).toList();
        return new BulkItemsPage(job.id(), status, page, size, total, items);
    }
}
