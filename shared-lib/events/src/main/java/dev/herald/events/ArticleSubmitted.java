package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contributing unit submitted a report, or a new revision of one a moderator sent back; owned by
 * the ingest service. {@code revision} counts from 1 and is absent in events older than revisions.
 */
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
        List<String> tags,
        Integer revision) implements HeraldEvent {

    public ArticleSubmitted {
        revision = revision == null ? 1 : revision;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
