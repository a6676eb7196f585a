package dev.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contributing unit submitted a report, or a new revision of one a moderator sent back; owned by
 * the ingest service. {@code revision} counts from 1 and is absent in events older than revisions.
 * {@code sections} names the body's section titles (each a paragraph of its own), as on a page holding
 * several stories under one headline; empty when the report has none, and absent in older events.
 * {@code important} is the unit's own mark that the report needs its leader's sign-off on the platform
 * too (the workflow's escalation stage); false when absent, as in older events.
 * {@code correction} is the unit's note (更正说明) when this revision corrects an article already published,
 * which stays public until the correction is signed off; absent for every other submission.
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
        Integer revision,
        List<String> sections,
        Boolean important,
        String correction) implements HeraldEvent {

    /** A submission the unit did not mark important. */
    public ArticleSubmitted(UUID eventId, Instant when, String articleId, String unit, String channel, String title,
                            String subtitle, String body, String author, String contributor, String sourceUrl,
                            Instant originalPublishedAt, List<String> tags, Integer revision, List<String> sections) {
        this(eventId, when, articleId, unit, channel, title, subtitle, body, author, contributor, sourceUrl,
                originalPublishedAt, tags, revision, sections, false, null);
    }

    /** A submission that corrects nothing. */
    public ArticleSubmitted(UUID eventId, Instant when, String articleId, String unit, String channel, String title,
                            String subtitle, String body, String author, String contributor, String sourceUrl,
                            Instant originalPublishedAt, List<String> tags, Integer revision, List<String> sections,
                            Boolean important) {
        this(eventId, when, articleId, unit, channel, title, subtitle, body, author, contributor, sourceUrl,
                originalPublishedAt, tags, revision, sections, important, null);
    }

    public boolean corrects() {
        return correction != null;
    }

    public ArticleSubmitted {
        important = important != null && important;
        revision = revision == null ? 1 : revision;
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
