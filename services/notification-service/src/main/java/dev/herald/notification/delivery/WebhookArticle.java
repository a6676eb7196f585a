package dev.herald.notification.delivery;

import java.time.Instant;

/** The part of an article a webhook receiver is sent; enough to show it and fetch the rest. */
public record WebhookArticle(String id, String title, String unit, String channel, Instant publishedAt) {
}
