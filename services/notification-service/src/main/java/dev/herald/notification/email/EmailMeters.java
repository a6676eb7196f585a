package dev.herald.notification.email;

import dev.herald.notification.delivery.Notifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Mails of notices count in {@code herald.notifications{channel=email}} beside inbox and webhook figures;
 * confirmation mails are not notifications and have a counter of their own.
 */
final class EmailMeters {

    static final String CONFIRMATIONS_METER = "herald.notifications.email.confirmations";

    private EmailMeters() {
    }

    static void count(MeterRegistry meters, EmailKind kind, String outcome) {
        Counter counter = kind == EmailKind.CONFIRMATION
                ? Counter.builder(CONFIRMATIONS_METER).description("Mails asking to confirm an address, by outcome")
                        .tag("outcome", outcome).register(meters)
                : Counter.builder(Notifications.METER).description("Notifications created, and deliveries by channel and outcome")
                        .tags("channel", "email", "outcome", outcome).register(meters);
        counter.increment();
    }
}
