package dev.herald.notification.subscription;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

interface SubscriptionRemovalRepository extends MongoRepository<SubscriptionRemoval, String> {

    /** The subscriptions deleted since then, by any instance. */
    List<SubscriptionRemoval> findByRemovedAtGreaterThanEqual(Instant since);
}
