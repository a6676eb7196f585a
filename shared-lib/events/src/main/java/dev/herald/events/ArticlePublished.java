package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A moderator approved a report, which is now public; owned by the moderation service.
 * It carries the full article so that consumers never need to call back for it.
 * {@code version} grows with every publication of the same article, so consumers can drop stale ones.
 * {@code sections} names the body's section titles, each a paragraph of its own (empty when none).
 * {@code corrections} lists the corrections (更正) published so far, the earliest first, each with the version
 * it made and the unit's note, as a site prints them under the article; empty when none, and absent in older events.
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
        List<SignOff> signOffs,
        List<Correction> corrections) implements HeraldEvent {

    public ArticlePublished {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
        signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** An article never corrected. */
    public ArticlePublished(UUID eventId, Instant when, String articleId, int version, String unit, String channel,
                            String title, String subtitle, String body, String author, String contributor, String sourceUrl,
                            Instant originalPublishedAt, List<String> tags, String moderator, Instant publishedAt,
                            List<String> sections, List<SignOff> signOffs) {
        this(eventId, when, articleId, version, unit, channel, title, subtitle, body, author, contributor, sourceUrl,
                originalPublishedAt, tags, moderator, publishedAt, sections, signOffs, List.of());
    }

    /** The article as published before review workflows: no sign-off chain. */
    public ArticlePublished(UUID eventId, Instant when, String articleId, int version, String unit, String channel,
                            String title, String subtitle, String body, String author, String contributor, String sourceUrl,
                            Instant originalPublishedAt, List<String> tags, String moderator, Instant publishedAt,
                            List<String> sections) {
        this(eventId, when, articleId, version, unit, channel, title, subtitle, body, author, contributor, sourceUrl,
                originalPublishedAt, tags, moderator, publishedAt, sections, List.of(), List.of());
    }

    /** A correction (更正) published as {@code version} at {@code at}, with the unit's note saying what changed. */
    public record Correction(int version, Instant at, String note) {
    }

    /**
     * One stage's approval: the stage's name (初审, 终审, 签发), who decided, under which role, when, and how
     * ({@code APPROVED}); {@code confidentialityReview} is true when the stage was the confidentiality review (保密审查).
     */
    public record SignOff(String stage, String by, String role, Instant at, String decision, boolean confidentialityReview) {
    }
}
