package dev.herald.support.deadletter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The service's {@code dead_letters} collection. Every change is one conditional single-document write. */
class DeadLetterStore {

    /** What a list shows; the payload, headers and stack trace are for the one-letter view. */
    private static final List<String> HEAVY = List.of("payload", "headers", "reason.stackTrace");

    private final MongoTemplate mongo;

    DeadLetterStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps a dead letter unless it is known already: the same record read again (a redelivery of the
     * dead-letter topic), or the same original record dead-lettered twice by the same group (the binder
     * crashed between its dead-letter send and its offset commit). Returns whether it was new.
     */
    boolean record(DeadLetter letter) {
        if (mongo.exists(Query.query(where("topic").is(letter.topic()).and("partition").is(letter.partition())
                .and("offset").is(letter.offset()).and("group").is(letter.group())), DeadLetter.class)) {
            return false;
        }
        try {
            mongo.insert(letter);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    List<DeadLetter> page(Filter filter, int page, int size) {
        Query query = filter.query().with(Sort.by(Sort.Order.desc("failedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size).limit(size);
        HEAVY.forEach(query.fields()::exclude);
        return mongo.find(query, DeadLetter.class);
    }

    long count(Filter filter) {
        return mongo.count(filter.query(), DeadLetter.class);
    }

    /** Open letters oldest first, so a replay of many keeps each article's events in their order. */
    List<String> openIds(Filter filter, int limit) {
        Query query = filter.withStatus(null).query().addCriteria(where("status").in(DeadLetterStatus.OPEN))
                .with(Sort.by(Sort.Order.asc("failedAt"), Sort.Order.asc("_id"))).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, DeadLetter.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    long open(String topic) {
        return mongo.count(Query.query(where("topic").is(topic).and("status").in(DeadLetterStatus.OPEN)), DeadLetter.class);
    }

    /** Holds an open letter for one replay; empty when it is not open or another replay holds it. */
    Optional<DeadLetter> claim(String id, String token, Instant now, Instant until) {
        Query query = Query.query(where("_id").is(id).and("status").in(DeadLetterStatus.OPEN)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now)));
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("claim", token).set("claimedUntil", until),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class));
    }

    /** Ends a replay with its outcome; false when the claim lapsed and another replay took the letter over. */
    boolean settle(String id, String token, DeadLetter.Replay replay) {
        Update update = new Update().set("status", replay.outcome()).push("replays", replay).unset("claim").unset("claimedUntil");
        return mongo.updateFirst(Query.query(where("_id").is(id).and("claim").is(token)), update, DeadLetter.class)
                .getModifiedCount() == 1;
    }

    /** Marks an open letter no replay holds as discarded; empty when it is not such a letter. */
    Optional<DeadLetter> discard(String id, String by, Instant now) {
        Query query = Query.query(where("_id").is(id).and("status").in(DeadLetterStatus.OPEN)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now)));
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("status", DeadLetterStatus.DISCARDED)
                .set("discardedAt", now).set("discardedBy", by), FindAndModifyOptions.options().returnNew(true), DeadLetter.class));
    }

    /** Which dead letters a list or a replay of many takes in; null fields take in all. */
    record Filter(String topic, String consumer, DeadLetterStatus status) {

        Filter withStatus(DeadLetterStatus other) {
            return new Filter(topic, consumer, other);
        }

        Query query() {
            Query query = new Query();
            if (topic != null) {
                query.addCriteria(where("topic").is(topic));
            }
            if (consumer != null) {
                query.addCriteria(where("consumer").is(consumer));
            }
            if (status != null) {
                query.addCriteria(where("status").is(status));
            }
            return query;
        }
    }
}
