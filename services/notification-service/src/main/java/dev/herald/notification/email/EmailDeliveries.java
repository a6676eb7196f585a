package dev.herald.notification.email;

import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.DeliveryView;
import org.springframework.stereotype.Component;

import java.util.List;

/** The mails that carried a notice, shown in the same shape as its webhook deliveries. */
@Component
public class EmailDeliveries {

    private final EmailMessages messages;

    EmailDeliveries(EmailMessages messages) {
        this.messages = messages;
    }

    public List<DeliveryView> forNotification(String notificationId) {
        return messages.carrying(notificationId).stream().map(EmailDeliveries::view).toList();
    }

    // mails keep no per-attempt history, only the count and the last error
    private static DeliveryView view(EmailMessage m) {
        return new DeliveryView(m.key(), "EMAIL", m.noticeCount() > 1 ? "notification.digest" : "notification.created",
                m.subscriptionId(), m.notificationIds(), "mailto:" + m.to(), status(m.status()), m.lastError(),
                m.attemptCount(), 0, List.of(), m.status() == EmailStatus.PENDING ? m.nextAttemptAt() : null,
                m.createdAt(), m.completedAt());
    }

    private static DeliveryStatus status(EmailStatus status) {
        return switch (status) {
            case PENDING -> DeliveryStatus.PENDING;
            case SENT -> DeliveryStatus.DELIVERED;
            case FAILED -> DeliveryStatus.FAILED;
            case CANCELLED -> DeliveryStatus.CANCELLED;
        };
    }
}
