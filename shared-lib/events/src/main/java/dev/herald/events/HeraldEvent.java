package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/** What every Herald event carries: its own identity and moment, and the article it concerns (the Kafka key). */
public interface HeraldEvent {
    UUID eventId();

    Instant when();

    String articleId();
}
