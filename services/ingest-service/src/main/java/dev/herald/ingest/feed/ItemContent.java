package dev.herald.ingest.feed;

import dev.herald.ingest.importing.PageDecoder;
import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.fetch.PageFetcher;
import org.jsoup.Jsoup;

/**
 * The text an item is drafted from. Many feeds carry the whole story in content:encoded; many others
 * only a teaser, and then the linked page is the story.
 *
 * @param url where the text came from: the page fetched, or the item's link when the feed carried the text
 */
record ItemContent(String content, PageFormat format, String url) {

    /** Below this many characters of text, an entry's content is a teaser, not the story. */
    static final int FULL_TEXT_CHARS = 200;

    /** The entry's own text when it is the story, else its linked page; null when it has neither. */
    static ItemContent of(FeedDocument.Entry entry, PageFetcher fetcher) {
        String text = entry.content() == null ? "" : Jsoup.parse(entry.content()).text().strip();
        if (text.length() >= FULL_TEXT_CHARS || (entry.link() == null && !text.isEmpty())) {
            return new ItemContent(entry.content(), PageFormat.HTML, entry.link());
        }
        if (entry.link() == null) {
            return null;
        }
        var fetched = fetcher.fetch(entry.link());
        var page = PageDecoder.decode(fetched);
        return new ItemContent(page.content(), page.format(), fetched.url());
    }
}
