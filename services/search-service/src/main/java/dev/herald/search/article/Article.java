package dev.herald.search.article;

import dev.herald.events.ArticlePublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A published article as this service keeps it: the source of truth the search index is built from,
 * and what {@code GET /api/articles/{id}} answers with. A retracted article stays as a tombstone
 * ({@code retractedAt} set) so a late redelivery of its publication cannot bring it back.
 * {@code signOffs} is who reviewed and who signed it off (审核, 签发), as sites print under a report; empty for
 * articles published before review workflows. {@code corrections} lists the corrections (更正) published so far,
 * the earliest first, each with the version it made and the unit's note, as sites print them under a report.
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
        // sparse: the retracted are few, and the live count is all stored less those
        @Indexed(sparse = true) Instant retractedAt,
        List<SignOff> signOffs,
        List<Correction> corrections) {

    @PersistenceCreator
    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** An article never corrected. */
    public Article(String id, int version, String unit, String channel, String title, String subtitle, String body,
                   String author, String contributor, String sourceUrl, Instant originalPublishedAt, List<String> tags,
                   Instant publishedAt, Instant retractedAt, List<SignOff> signOffs) {
        this(id, version, unit, channel, title, subtitle, body, author, contributor, sourceUrl, originalPublishedAt, tags,
                publishedAt, retractedAt, signOffs, List.of());
    }

    /** An article without a sign-off chain, as every article was before review workflows. */
    public Article(String id, int version, String unit, String channel, String title, String subtitle, String body,
                   String author, String contributor, String sourceUrl, Instant originalPublishedAt, List<String> tags,
                   Instant publishedAt, Instant retractedAt) {
        this(id, version, unit, channel, title, subtitle, body, author, contributor, sourceUrl, originalPublishedAt, tags,
                publishedAt, retractedAt, List.of(), List.of());
    }

    /** One stage's approval of the published revision: the stage, who, under which role, when. */
    public record SignOff(String stage, String by, String role, Instant at, String decision, boolean confidentialityReview) {
    }

    /** A correction once published: the version it made, when, and the unit's note saying what changed. */
    public record Correction(int version, Instant at, String note) {
    }

    public boolean live() {
        return retractedAt == null && title != null;
    }

    public static Article of(ArticlePublished event) {
        return new Article(event.articleId(), event.version(), event.unit(), event.channel(), event.title(),
                event.subtitle(), event.body(), event.author(), event.contributor(), event.sourceUrl(),
                event.originalPublishedAt(), event.tags(), event.publishedAt(), null, event.signOffs().stream()
                .map(o -> new SignOff(o.stage(), o.by(), o.role(), o.at(), o.decision(), o.confidentialityReview())).toList(),
                event.corrections().stream().map(c -> new Correction(c.version(), c.at(), c.note())).toList());
    }
}
