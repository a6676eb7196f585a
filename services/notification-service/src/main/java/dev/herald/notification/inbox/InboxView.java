package dev.herald.notification.inbox;

import java.util.List;

/**
 * One page of an inbox, unread first and newest first within each; {@code total} counts all notices,
 * {@code unread} the unread ones.
 */
public record InboxView(String subscriber, long total, long unread, int page, int size, List<NotificationView> notifications) {
}
