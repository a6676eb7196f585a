package dev.herald.support.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dead letter in full. The payload and header values are text when they are UTF-8 (events are
 * JSON), base64 otherwise, as {@code payloadEncoding} says.
 */
record DeadLetterView(String id, DeadLetterStatus status, String topic, int partition, long offset, String consumer,
                      String group, String key, String dlqTopic, Instant failedAt, Instant recordedAt,
                      DeadLetter.Reason reason, String payload, String payloadEncoding, Map<String, String> headers,
                      List<ReplayView> replays, Instant discardedAt, String discardedBy) {

    record ReplayView(Instant at, String by, DeadLetterStatus outcome, String reason) {
    }

    static DeadLetterView of(DeadLetter letter) {
        String text = utf8(letter.payload());
        Map<String, String> headers = new LinkedHashMap<>();
        letter.headers().forEach(h -> headers.put(h.name(), h.value() == null ? null
                : utf8(h.value()) != null ? utf8(h.value()) : "base64:" + Base64.getEncoder().encodeToString(h.value())));
        return new DeadLetterView(letter.id(), letter.status(), letter.topic(), letter.partition(), letter.offset(),
                letter.consumer(), letter.group(), letter.key(), letter.dlqTopic(), letter.failedAt(), letter.recordedAt(),
                letter.reason(), text != null ? text : Base64.getEncoder().encodeToString(letter.payload()),
                text != null ? "utf-8" : "base64", headers,
                letter.replays().stream().map(r -> new ReplayView(r.at(), r.by(), r.outcome(), r.reason())).toList(),
                letter.discardedAt(), letter.discardedBy());
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
