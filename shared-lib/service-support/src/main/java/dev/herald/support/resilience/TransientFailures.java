package dev.herald.support.resilience;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the infrastructure, which passes once the store or the broker is back, from a failure
 * of the event, which repeats on every attempt. Only the first kind is worth waiting out indefinitely.
 * Outbound calls to third parties (webhooks, mail, fetched pages) are deliberately not here: a partner that
 * stays down must not hold a partition forever; those paths retry on schedules of their own.
 */
public final class TransientFailures {

    private static final Set<String> MONGO_RETRY_LABELS = Set.of(
            MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL, "RetryableWriteError");

    private TransientFailures() {
    }

    /** True when the failure, or anything in its chain of causes, is the infrastructure being away. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        return t instanceof DataAccessResourceFailureException
                // includes QueryTimeoutException and the optimistic-locking kind, which a fresh read resolves
                || t instanceof TransientDataAccessException
                || t instanceof MongoTimeoutException
                || t instanceof MongoSocketException
                // the driver pauses a pool whose server went away; the next selection waits for it to return
                || t instanceof com.mongodb.MongoConnectionPoolClearedException
                || t instanceof MongoNotPrimaryException
                || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoException mongo && MONGO_RETRY_LABELS.stream().anyMatch(mongo::hasErrorLabel)
                // the broker unreachable or without a leader; Kafka's TimeoutException is one of these
                || t instanceof RetriableException;
    }
}
