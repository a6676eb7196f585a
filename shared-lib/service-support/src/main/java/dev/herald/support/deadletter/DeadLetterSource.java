package dev.herald.support.deadletter;

/**
 * One consumer binding whose failures go to a dead-letter topic.
 *
 * @param binding  the binding, e.g. {@code articlePublished-in-0}
 * @param consumer the function bound to it, e.g. {@code articlePublished}: the handler a replay calls
 * @param topic    the topic it consumes
 * @param group    its consumer group
 * @param dlqTopic where the binder sends what the function failed
 */
public record DeadLetterSource(String binding, String consumer, String topic, String group, String dlqTopic) {
}
