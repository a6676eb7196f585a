package dev.herald.ingest.feed;

import java.time.Instant;
import java.util.List;

/** A feed as read: its title and its entries, whatever the RSS or Atom version. */
record FeedDocument(String title, List<Entry> entries) {

    /**
     * @param id          guid or atom:id, else the link, else a hash of title and date
     * @param content     content:encoded or atom content, else the description (markup kept); may be null
     * @param publishedAt published, else updated; null when the entry gives neither
     */
    record Entry(String id, String title, String link, Instant publishedAt, String content, List<String> categories) {
    }
}
