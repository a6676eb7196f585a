package dev.herald.notification.subscription;

/** @param url the http(s) endpoint of a WEBHOOK delivery; null for INBOX */
public record Delivery(DeliveryType type, String url) {

    public boolean callsWebhook() {
        return type == DeliveryType.WEBHOOK;
    }
}
