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
        List<String> sections,
        List<SignOff> signOffs) implements HeraldEvent {

    public ArticlePublished {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
        signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
    }

    /** The article as published before review workflows: no sign-off chain. */
    public ArticlePublished(UUID eventId, Instant when, String articleId, int version, String unit, String channel,
                            String title, String subtitle, String body, String author, String contributor, String sourceUrl,
                            Instant originalPublishedAt, List<String> tags, String moderator, Instant publishedAt,
                            List<String> sections) {
        this(eventId, when, articleId, version, unit, channel, title, subtitle, body, author, contributor, sourceUrl,
                originalPublishedAt, tags, moderator, publishedAt, sections, List.of());
    }

    /**
     * One stage's approval: the stage's name (初审, 终审, 签发), who decided, under which role, when, and how
     * ({@code APPROVED}); {@code confidentialityReview} is true when the stage was the confidentiality review (保密审查).
     */
    public record SignOff(String stage, String by, String role, Instant at, String decision, boolean confidentialityReview) {
    }
}
