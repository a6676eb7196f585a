package dev.herald.notification.subscription;

import org.springframework.data.mongodb.repository.Meta;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    /**
     * Every subscription, a batch at a time. The batch size is explicit because the embedded MongoDB-wire store
     * answers a find without one with every document in a single reply: at 320,000 subscriptions that reply
     * outlasted the driver's 10 s read timeout, and the index could not load (found making a million through the API).
     */
    @Meta(cursorBatchSize = 1_000)
    Stream<Subscription> streamAllBy();

    org.springframework.data.domain.Page<Subscription> findBySubscriber(String subscriber,
                                                                      org.springframework.data.domain.Pageable page);

    /** The subscriptions made or changed since then, by any instance, for the in-memory index to catch up on. */
    List<Subscription> findByUpdatedAtGreaterThanEqual(Instant since);

    /** Checks ownership and deletes in one step: of two deletes racing, only one finds anything to remove. */
    long deleteByIdAndSubscriber(String id, String subscriber);
}
