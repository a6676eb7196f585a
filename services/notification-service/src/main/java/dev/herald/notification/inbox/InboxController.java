package dev.herald.notification.inbox;

import dev.herald.notification.webhook.WebhookDeliveries;
import dev.herald.notification.email.EmailDeliveries;
import dev.herald.notification.subscription.ActingSubscriber;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.stream.Stream;

@RestController
class InboxController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE = 10_000;

    record Marked(long marked) {
    }

    private final Inbox inbox;
    private final InboxStreams streams;
    private final WebhookDeliveries webhooks;
    private final EmailDeliveries mails;

    InboxController(Inbox inbox, InboxStreams streams, WebhookDeliveries webhooks, EmailDeliveries mails) {
        this.mails = mails;
        this.inbox = inbox;
        this.streams = streams;
        this.webhooks = webhooks;
    }

    @GetMapping("/api/subscribers/{subscriber}/notifications")
    InboxView inbox(@PathVariable String subscriber,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        return view(own(subscriber), page, size);
    }

    /** @param seconds how long to keep the stream open; the client reconnects after (EventSource does so itself) */
    @GetMapping(value = "/api/subscribers/{subscriber}/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String subscriber, @RequestParam(defaultValue = "1800") int seconds) {
        if (seconds < 1 || seconds > 3_600) {
            throw new InvalidRequestException("seconds", "must be between 1 and 3600");
        }
        return streams.open(own(subscriber), java.time.Duration.ofSeconds(seconds));
    }

    @PostMapping("/api/subscribers/{subscriber}/notifications/read")
    Marked markAllRead(@PathVariable String subscriber) {
        return new Marked(inbox.markAllRead(own(subscriber)));
    }

    /**
     * A unit's inbox: what became of its own reports, with no subscription needed; for a UNIT_REVIEWER, the unit's
     * sign-off desk, what waits for the unit's own review (本单位审核).
     */
    @GetMapping("/api/units/me/notifications")
    InboxView unitInbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return view(unitOwner(), page, size);
    }

    /**
     * A review desk: what reached the stages the role decides (初审, 终审, a leader's 签发...), shared by everyone
     * holding the role. Another role's desk is answered as if there were none; an administrator reads any.
     */
    @GetMapping("/api/desks/{role}/notifications")
    InboxView desk(@PathVariable String role, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size) {
        String wanted = role.strip().toUpperCase(java.util.Locale.ROOT);
        Caller caller = Caller.current();
        if (!dev.herald.notification.email.DeskMail.isRole(wanted) || !(caller.has(wanted) || caller.has("ADMIN"))) {
            throw new NotFoundException("desk", role.strip());
        }
        return view(Notification.deskInbox(wanted), page, size);
    }

    @GetMapping("/api/notifications/{id}")
    NotificationView notification(@PathVariable String id) {
        return NotificationView.of(inbox.get(owner(), id));
    }

    @PostMapping("/api/notifications/{id}/read")
    NotificationView markRead(@PathVariable String id) {
        return NotificationView.of(inbox.markRead(owner(), id));
    }

    @GetMapping("/api/notifications/{id}/deliveries")
    NotificationDeliveries deliveries(@PathVariable String id) {
        Notification notification = inbox.get(ActingSubscriber.current(), id);
        return new NotificationDeliveries(notification.id(),
                Stream.concat(webhooks.forNotification(notification.id()).stream(),
                        mails.forNotification(notification.id()).stream()).toList());
    }

    private InboxView view(String owner, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidRequestException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Page<Notification> found = inbox.page(owner, page, size);
        return new InboxView(owner, found.getTotalElements(), inbox.unread(owner), page, size,
                found.stream().map(NotificationView::of).toList());
    }

    /** As with their subscriptions and notices, another subscriber's inbox is answered as if there were none. */
    private static String own(String subscriber) {
        String acting = ActingSubscriber.current();
        if (!subscriber.strip().equals(acting)) {
            throw new NotFoundException("inbox", subscriber.strip());
        }
        return acting;
    }

    /** The inbox a notice endpoint reads: a unit's for a unit token, else the subscriber's. */
    private static String owner() {
        Caller caller = Caller.current();
        return caller.has("UNIT") || caller.has("UNIT_REVIEWER") ? unitOwner() : ActingSubscriber.current();
    }

    private static String unitOwner() {
        String unit = Caller.current().unit();
        if (unit == null || unit.isBlank()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "the token names no unit"), null);
        }
        // a unit's responsible people read what waits for their sign-off; its submitters what became of its reports
        return Caller.current().has("UNIT_REVIEWER") && !Caller.current().has("UNIT")
                ? Notification.unitReviewersInbox(unit.strip()) : Notification.unitInbox(unit.strip());
    }
}
