package dev.herald.notification.inbox;

import java.util.List;

/** One page of a subscriber's notifications, newest first; {@code total} counts all of them. */
public record InboxView(String subscriber, long total, int page, int size, List<NotificationView> notifications) {
}
