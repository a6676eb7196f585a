package dev.herald.notification.email;

import dev.herald.notification.subscription.SubscriptionDeleted;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The mails owed and what became of them, in {@code email_messages}. */
@Service
class EmailMessages {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;

    EmailMessages(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    /** Owes the mail unless one with its key is owed already; returns whether it was new. */
    boolean owe(EmailMessage message) {
        try {
            mongo.insert(message);
        } catch (DuplicateKeyException alreadyOwed) {
            return false;
        }
        EmailMeters.count(meters, message.kind(), "created");
        return true;
    }

    List<EmailMessage> carrying(String notificationId) {
        return mongo.find(query(where("notificationIds").is(notificationId)).with(Sort.by("createdAt")), EmailMessage.class);
    }

    List<EmailMessage> due(Instant now, int limit) {
        return mongo.find(query(where("status").is(EmailStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit), EmailMessage.class);
    }

    /**
     * Takes a due mail for one attempt by moving its next attempt past the lease, atomically, so that of
     * several instances only one sends it; an instance that dies mid-send frees it when the lease ends.
     * The claim's token is what settles the attempt: an instance whose lease ran out while it waited on
     * the SMTP server finds its outcome refused once another instance has claimed the mail since.
     */
    Optional<EmailMessage> claim(String key, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(key).and("status").is(EmailStatus.PENDING).and("nextAttemptAt").lte(now)),
                new Update().set("nextAttemptAt", leaseUntil).set("claim", UUID.randomUUID().toString()),
                FindAndModifyOptions.options().returnNew(true), EmailMessage.class));
    }

    /** Each settles the claimed mail's attempt; false when the claim was lost meanwhile and nothing changed. */
    boolean sent(EmailMessage claimed, Instant at) {
        return finish(claimed, EmailStatus.SENT, null, at);
    }

    boolean cancelled(EmailMessage claimed, String why, Instant at) {
        return finish(claimed, EmailStatus.CANCELLED, why, at);
    }

    boolean failed(EmailMessage claimed, String error, Instant at) {
        return finish(claimed, EmailStatus.FAILED, error, at);
    }

    boolean retryLater(EmailMessage claimed, String error, Instant next) {
        return settle(claimed, new Update().inc("attemptCount", 1).set("lastError", error).set("nextAttemptAt", next));
    }

    @EventListener
    void subscriptionDeleted(SubscriptionDeleted deleted) {
        mongo.updateMulti(query(where("subscriptionId").is(deleted.subscriptionId()).and("status").is(EmailStatus.PENDING)),
                new Update().set("status", EmailStatus.CANCELLED).set("lastError", "subscription deleted")
                        .set("completedAt", clock.instant()),
                EmailMessage.class);
    }

    private boolean finish(EmailMessage claimed, EmailStatus status, String why, Instant at) {
        Update update = new Update().set("status", status).set("completedAt", at).set("nextAttemptAt", null);
        if (status != EmailStatus.CANCELLED) {
            update.inc("attemptCount", 1);
        }
        if (why != null) {
            update.set("lastError", why);
        }
        return settle(claimed, update);
    }

    private boolean settle(EmailMessage claimed, Update update) {
        Query underClaim = query(where("_id").is(claimed.key()).and("status").is(EmailStatus.PENDING)
                .and("claim").is(claimed.claim()));
        return mongo.updateFirst(underClaim, update.unset("claim"), EmailMessage.class).getModifiedCount() > 0;
    }
}
