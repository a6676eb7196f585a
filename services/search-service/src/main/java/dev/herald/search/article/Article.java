package dev.herald.search.article;

import dev.herald.events.ArticlePublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A published article as this service keeps it: the source of truth the search index is built from,
 * and what {@code GET /api/articles/{id}} answers with. A retracted article stays as a tombstone
 * ({@code retractedAt} set) so a late redelivery of its publication cannot bring it back.
 */
@Document("articles")
public record Article(
        @Id String id,
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
        Instant publishedAt,
        Instant retractedAt) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean live() {
        return retractedAt == null && title != null;
    }

    public static Article of(ArticlePublished event) {
        return new Article(event.articleId(), event.version(), event.unit(), event.channel(), event.title(),
                event.subtitle(), event.body(), event.author(), event.contributor(), event.sourceUrl(),
                event.originalPublishedAt(), event.tags(), event.publishedAt(), null);
    }
}
