package dev.herald.support.deadletter;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hands a dead letter to the function that failed it, in this process, as its binding would: only
 * this consumer sees it again (the other groups of the topic are not disturbed), and the function's
 * own guard ({@code IdempotentConsumer}) skips an event it has processed since.
 */
class DeadLetterHandlers {

    /** Set on a replayed message, so a handler or a log can tell a replay from a delivery. */
    static final String REPLAY_HEADER = "herald_deadLetter";

    private final BeanFactory beans;

    DeadLetterHandlers(BeanFactory beans) {
        this.beans = beans;
    }

    /** Runs the handler; whatever it throws is the reason the letter is still failing. */
    @SuppressWarnings("unchecked")
    void handle(DeadLetter letter) {
        if (!beans.containsBean(letter.consumer()) || !(beans.getBean(letter.consumer()) instanceof Consumer<?> handler)) {
            throw new IllegalStateException("this service has no consumer function named " + letter.consumer());
        }
        ((Consumer<Message<byte[]>>) handler).accept(message(letter));
    }

    static Message<byte[]> message(DeadLetter letter) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(letter.payload() == null ? new byte[0] : letter.payload());
        letter.headers().forEach(header -> message.setHeader(header.name(), header.value()));
        if (letter.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, letter.key().getBytes(StandardCharsets.UTF_8));
        }
        return message.setHeader(KafkaHeaders.RECEIVED_TOPIC, letter.topic())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, letter.partition())
                .setHeader(KafkaHeaders.OFFSET, letter.offset())
                .setHeader(REPLAY_HEADER, letter.id())
                .build();
    }
}
