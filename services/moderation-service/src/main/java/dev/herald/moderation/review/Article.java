package dev.herald.moderation.review;

import dev.herald.events.ArticleSubmitted;

import java.time.Instant;
import java.util.List;

/**
 * The report as submitted, kept with its review so a decision never needs to ask ingest.
 * {@code sections} are the body's section titles, each a paragraph of it.
 */
public record Article(String unit, String channel, String title, String subtitle, String body, String author,
                      String contributor, String sourceUrl, Instant originalPublishedAt, List<String> tags,
                      List<String> sections) {

    public Article {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    static Article from(ArticleSubmitted e) {
        return new Article(e.unit(), e.channel(), e.title(), e.subtitle(), e.body(), e.author(), e.contributor(),
                e.sourceUrl(), e.originalPublishedAt(), e.tags(), e.sections());
    }
}
