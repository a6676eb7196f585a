package dev.herald.notification.delivery;

/** The JSON body POSTed to a webhook. */
record WebhookPayload(String notificationId, String subscriptionId, String subscriber, WebhookArticle article) {
}
