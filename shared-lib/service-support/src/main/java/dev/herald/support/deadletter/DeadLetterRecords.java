package dev.herald.support.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a record of a dead-letter topic as the Kafka binder writes it. */
final class DeadLetterRecords {

    static final String ORIGINAL = "x-original-";
    static final String EXCEPTION = "x-exception-";
    /** a stack trace of a deep recursion can run to megabytes; its head and causes are what a reader needs */
    static final int MAX_STACK_TRACE = 64 * 1024;

    private DeadLetterRecords() {
    }

    static DeadLetter read(ConsumerRecord<byte[], byte[]> record, DeadLetterSource source, Instant now) {
        List<DeadLetter.Header> kept = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(ORIGINAL) && !header.key().startsWith(EXCEPTION)) {
                kept.add(new DeadLetter.Header(header.key(), header.value()));
            }
        }
        String topic = text(record, ORIGINAL + "topic");
        String stackTrace = text(record, EXCEPTION + "stacktrace");
        if (stackTrace != null && stackTrace.length() > MAX_STACK_TRACE) {
            stackTrace = stackTrace.substring(0, MAX_STACK_TRACE) + "\n\t... (cut at " + MAX_STACK_TRACE + " characters)";
        }
        DeadLetter.Reason reason = new DeadLetter.Reason(text(record, EXCEPTION + "fqcn"), text(record, EXCEPTION + "message"),
                rootCause(stackTrace), stackTrace);
        return new DeadLetter(idOf(record.topic(), record.partition(), record.offset()),
                topic == null ? source.topic() : topic, (int) number(record, ORIGINAL + "partition"),
                number(record, ORIGINAL + "offset"), source.consumer(), source.group(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.topic(), Instant.ofEpochMilli(record.timestamp()), now, reason, record.value(), kept,
                DeadLetterStatus.PENDING, List.of(), null, null, null, null);
    }

    static String idOf(String dlqTopic, int partition, long offset) {
        return dlqTopic + "-" + partition + "-" + offset;
    }

    /** The last "Caused by:" of a stack trace, or its first line when there is none. */
    static String rootCause(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return null;
        }
        String found = stackTrace.lines().findFirst().orElse("");
        for (String line : stackTrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                found = line.substring("Caused by: ".length());
            }
        }
        return found.strip();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The binder writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return -1;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> -1;
        };
    }
}
