package dev.herald.ingest.feed;

import dev.herald.ingest.extraction.ExtractedField;
import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Fills what the page did not say from what the feed said about the item. Such fields carry
 * {@link #FROM_FEED} as their confidence and no span: they were not read from the page's lines.
 */
final class FeedFields {

    /** The confidence of a field taken from the feed entry: the feed's own metadata, but not checked against the page. */
    static final double FROM_FEED = 0.6;

    private FeedFields() {
    }

    static Extraction fill(Extraction x, FeedDocument.Entry entry, ContributingUnit unit, Registry registry, ZoneId zone) {
        ExtractedField title = x.title() != null ? x.title() : fromFeed(entry.title());
        ExtractedField date = x.originalDate() != null || entry.publishedAt() == null ? x.originalDate()
                : fromFeed(LocalDateTime.ofInstant(entry.publishedAt(), zone).truncatedTo(ChronoUnit.MINUTES).toString());
        // a feed's category is often the site's column, and so one of the registered channels
        ExtractedField channel = x.channel() != null ? x.channel() : entry.categories().stream()
                .flatMap(c -> registry.channel(c).stream())
                .filter(c -> unit.allows(c.name()))
                .findFirst().map(c -> fromFeed(c.name())).orElse(null);
        return new Extraction(x.lines(), title, x.subtitle(), date, x.sourceSite(), x.author(), x.editor(), x.contributor(),
                x.contributingUnit(), channel, x.body(), x.sections(), x.removed());
    }

    private static ExtractedField fromFeed(String value) {
        return value == null || value.isBlank() ? null : new ExtractedField(value, FROM_FEED, null);
    }
}
