package dev.herald.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one counter of what happens to notifications, so inbox and webhook figures sit side by side:
 * {@code herald.notifications{channel=inbox|webhook, outcome=created|delivered|retried|failed|cancelled|replayed}}.
 */
public final class Notifications {

    public static final String METER = "herald.notifications";

    private Notifications() {
    }

    public static void countInbox(MeterRegistry meters) {
        counter(meters, "inbox", "created").increment();
    }

    public static void countWebhook(MeterRegistry meters, String webhookOutcome) {
        counter(meters, "webhook", webhookOutcome).increment();
    }

    private static Counter counter(MeterRegistry meters, String channel, String outcome) {
        return Counter.builder(METER).description("Notifications created, and webhook deliveries by outcome")
                .tags("channel", channel, "outcome", outcome).register(meters);
    }
}
