package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contributing unit submitted a report; owned by the ingest service. */
public record ArticleSubmitted(
        UUID eventId,
        Instant when,
        String articleId,
        String unit,
        String channel,
        String title,
        String subtitle,
        String body,
        String author,
        String contributor,
        String sourceUrl,
        Instant originalPublishedAt,
        List<String> tags) implements HeraldEvent {

    public ArticleSubmitted {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
