package dev.herald.notification.inbox;

import dev.herald.notification.subscription.MatchedBy;

import java.time.Instant;

public record NotificationView(String id, NoticeKind kind, String subscriptionId, String articleId, String title, String unit,
                               String channel, Instant publishedAt, MatchedBy matchedBy, String message, boolean read,
                               Instant createdAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.subscriptionId(), n.articleId(), n.title(), n.unit(), n.channel(),
                n.publishedAt(), n.matchedBy(), n.message(), n.read(), n.createdAt());
    }
}
