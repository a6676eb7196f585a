package dev.herald.notification.subscription;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.stream.Stream;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    Stream<Subscription> streamAllBy();
}
