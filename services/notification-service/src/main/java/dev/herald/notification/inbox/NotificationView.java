package dev.herald.notification.inbox;

import dev.herald.notification.subscription.MatchedBy;

import java.time.Instant;

public record NotificationView(String id, String subscriptionId, String articleId, String title, String unit,
                               String channel, Instant publishedAt, MatchedBy matchedBy, Instant createdAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.subscriptionId(), n.articleId(), n.title(), n.unit(), n.channel(),
                n.publishedAt(), n.matchedBy(), n.createdAt());
    }
}
