package dev.herald.notification.inbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

    Page<Notification> findBySubscriber(String subscriber, Pageable pageable);
}
