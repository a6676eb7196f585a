package dev.herald.notification.delivery;

import dev.herald.notification.subscription.MatchedBy;

import java.time.Instant;

/** What a channel is given to send of one inbox notice: enough to show the article and fetch the rest. */
public record Notice(String notificationId, String articleId, String title, String unit, String channel,
                     Instant publishedAt, String snippet, MatchedBy matchedBy) {
}
