package dev.herald.infra.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sends events to a service through the broker as another service would, and waits until the named
 * consumer has processed each: records of different articles are consumed in no set order, so the
 * processed record, not a later marker event, says that a delivery took effect.
 */
public final class EventDeliveries {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaTestClient kafka;
    private final ProcessedEvents processed;

    public EventDeliveries(KafkaTestClient kafka, ProcessedEvents processed) {
        this.kafka = kafka;
        this.processed = processed;
    }

    /** One event as it travelled: the consumer that handles it and the payload for any event id. */
    public record Delivery(String topic, String key, String consumer, UUID eventId, Function<UUID, String> payload) {
    }

    /** Publishes the event built for a fresh id and returns once the consumer has processed it. */
    public Delivery deliver(String topic, String key, String consumer, Function<UUID, String> payload) {
        Delivery delivery = new Delivery(topic, key, consumer, UUID.randomUUID(), payload);
        send(delivery);
        return delivery;
    }

    /** Delivers the fact again in the given way and returns once the consumer has processed it. */
    public Delivery redeliver(Delivery earlier, Redelivery how) {
        Delivery again = switch (how) {
            case UNDER_A_NEW_EVENT_ID -> new Delivery(earlier.topic(), earlier.key(), earlier.consumer(), UUID.randomUUID(),
                    earlier.payload());
            case AFTER_A_CRASH_BEFORE_THE_RECORD -> {
                processed.forget(earlier.consumer(), earlier.eventId());
                yield earlier;
            }
        };
        send(again);
        return again;
    }

    private void send(Delivery delivery) {
        kafka.publish(delivery.topic(), delivery.key(), delivery.payload().apply(delivery.eventId()), Map.of());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!processed.contains(delivery.consumer(), delivery.eventId())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(delivery.consumer() + " did not process " + delivery.eventId() + " on "
                        + delivery.topic() + " within " + PATIENCE);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
