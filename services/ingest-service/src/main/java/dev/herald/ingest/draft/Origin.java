package dev.herald.ingest.draft;

/**
 * Where a draft's page came from.
 *
 * @param kind   PASTED_HTML, PASTED_TEXT, URL or FEED
 * @param url    the page's address, after redirects, when it was fetched or the feed item named it
 * @param feedId the feed, for FEED
 * @param itemId the feed item's id (guid, atom:id or link), for FEED
 */
public record Origin(String kind, String url, String feedId, String itemId) {

    public static Origin pasted(boolean html) {
        return new Origin(html ? "PASTED_HTML" : "PASTED_TEXT", null, null, null);
    }

    public static Origin fetched(String url) {
        return new Origin("URL", url, null, null);
    }

    public static Origin feed(String feedId, String itemId, String url) {
        return new Origin("FEED", url, feedId, itemId);
    }
}
