package dev.herald.support.events;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/** Turns events into their JSON wire form and back, refusing anything that breaks the contract. */
public class EventCodec {

    private final JsonMapper json;
    private final int maxBytes;

    public EventCodec(JsonMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public String encode(HeraldEvent event) {
        return json.writeValueAsString(event);
    }

    public <T extends HeraldEvent> T decode(byte[] payload, EventType<T> type) {
        if (payload == null || payload.length == 0) {
            throw new InvalidEventException(type, "empty payload");
        }
        if (payload.length > maxBytes) {
            throw new InvalidEventException(type, "payload of " + payload.length + " bytes exceeds " + maxBytes);
        }
        T event;
        try {
            event = json.readValue(new String(payload, StandardCharsets.UTF_8), type.payload());
        } catch (JacksonException e) {
            throw new InvalidEventException(type, "unreadable JSON: " + e.getOriginalMessage());
        }
        String violation = event == null ? "null payload" : type.violation(event);
        if (violation != null) {
            throw new InvalidEventException(type, violation);
        }
        return event;
    }
}
