package dev.herald.support.outbox;

import org.springframework.messaging.Message;

/** Hands one message to the broker, returning only once it is acknowledged (true) or refused (false). */
@FunctionalInterface
public interface EventSender {

    boolean send(String topic, Message<byte[]> message);
}
