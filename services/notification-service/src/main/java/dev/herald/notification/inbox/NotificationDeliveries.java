package dev.herald.notification.inbox;

import dev.herald.notification.delivery.DeliveryView;

import java.util.List;

/** The outward deliveries of a notification besides its inbox entry: none for INBOX subscriptions. */
public record NotificationDeliveries(String notificationId, List<DeliveryView> deliveries) {
}
