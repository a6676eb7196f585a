package dev.herald.notification.subscription;

/** How a subscriber hears of a match. Every match lands in the inbox; WEBHOOK also calls the subscriber. */
public enum DeliveryType {
    INBOX, WEBHOOK
}
