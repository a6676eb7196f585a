package dev.herald.ingest.draft;

import java.util.List;

/** What the report will say: first as extracted, then as the unit edits it. */
public record DraftContent(String channel, String title, String subtitle, String body, String author,
                           String contributor, String sourceUrl, String originalPublishedAt, List<String> tags) {

    public DraftContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
