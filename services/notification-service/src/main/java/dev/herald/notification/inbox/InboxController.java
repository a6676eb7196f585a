package dev.herald.notification.inbox;

import dev.herald.notification.delivery.WebhookDeliveries;
import dev.herald.notification.subscription.ActingSubscriber;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.stream.Stream;

@RestController
class InboxController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE = 10_000;

    private final Inbox inbox;
    private final WebhookDeliveries webhooks;

    InboxController(Inbox inbox, WebhookDeliveries webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    @GetMapping("/api/subscribers/{subscriber}/notifications")
    InboxView inbox(@PathVariable String subscriber,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        String acting = ActingSubscriber.current();
        if (!subscriber.strip().equals(acting)) {
            // as with their subscriptions and notices, another subscriber's inbox is answered as if there were none
            throw new NotFoundException("inbox", subscriber.strip());
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidRequestException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Page<Notification> found = inbox.page(acting, page, size);
        return new InboxView(acting, found.getTotalElements(), page, size,
                found.stream().map(NotificationView::of).toList());
    }

    @GetMapping("/api/notifications/{id}")
    NotificationView notification(@PathVariable String id) {
        return NotificationView.of(inbox.get(ActingSubscriber.current(), id));
    }

    @GetMapping("/api/notifications/{id}/deliveries")
    NotificationDeliveries deliveries(@PathVariable String id) {
        Notification notification = inbox.get(ActingSubscriber.current(), id);
        return new NotificationDeliveries(notification.id(),
                webhooks.forNotification(notification.id()).map(Stream::of).orElseGet(Stream::empty).toList());
    }
}
