package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A moderator approved a report, which is now public; owned by the moderation service.
 * It carries the full article so that consumers never need to call back for it.
 * {@code version} grows with every publication of the same article, so consumers can drop stale ones.
 * {@code sections} names the body's section titles, each a paragraph of its own (empty when none).
 */
public record ArticlePublished(
        UUID eventId,
        Instant when,
        String articleId,
        int version,
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
        String moderator,
        Instant publishedAt,
        List<String> sections) implements HeraldEvent {

    public ArticlePublished {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
