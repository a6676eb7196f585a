package dev.herald.notification.inbox;

import dev.herald.support.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Reads subscribers' notices, newest first. */
@Service
class Inbox {

    private final NotificationRepository notifications;

    Inbox(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    Page<Notification> page(String subscriber, int page, int size) {
        // _id breaks ties between notices created in the same instant, so pages never overlap
        return notifications.findBySubscriber(subscriber,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))));
    }

    /** Someone else's notice is answered exactly like one that does not exist. */
    Notification get(String subscriber, String id) {
        return notifications.findById(id).filter(n -> n.subscriber().equals(subscriber))
                .orElseThrow(() -> new NotFoundException("notification", id));
    }
}
