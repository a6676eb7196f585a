package dev.herald.notification.subscription;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    Stream<Subscription> streamAllBy();

    /** The subscriptions made since then, by any instance, for the in-memory index to catch up on. */
    List<Subscription> findByCreatedAtGreaterThanEqual(Instant since);

    /** Checks ownership and deletes in one step: of two deletes racing, only one finds anything to remove. */
    long deleteByIdAndSubscriber(String id, String subscriber);
}
