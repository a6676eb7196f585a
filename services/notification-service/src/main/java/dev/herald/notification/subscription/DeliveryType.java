package dev.herald.notification.subscription;

/**
 * How a subscriber hears of a match besides the inbox, which keeps every notice whatever the type:
 * WEBHOOK calls the subscriber's endpoint, signed; EMAIL mails a verified address.
 */
public enum DeliveryType {
    INBOX, WEBHOOK, EMAIL
}
