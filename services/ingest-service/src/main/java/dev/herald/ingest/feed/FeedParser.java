package dev.herald.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.herald.ingest.fetch.FetchedPage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom with ROME. XmlReader settles the encoding from the HTTP header, the
 * BOM and the XML declaration, so GBK and GB2312 feeds read right. Doctypes are refused outright: a feed
 * is someone else's document, and a DTD is how an external entity would read our files or the intranet.
 */
final class FeedParser {

    private FeedParser() {
    }

    static FeedDocument parse(FetchedPage page) {
        SyndFeedInput input = new SyndFeedInput();
        // ROME 2 refuses doctypes by default; said here so that no upgrade can change it unnoticed
        input.setAllowDoctypes(false);
        try (Reader reader = reader(page)) {
            SyndFeed feed = input.build(reader);
            return new FeedDocument(blankToNull(feed.getTitle()), feed.getEntries().stream().map(FeedParser::entry).toList());
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedUnreadableException("not a readable RSS or Atom feed: " + reason(e));
        }
    }

    /**
     * A charset the server declared wins; without one the BOM and the XML declaration decide. The HTTP mode
     * is not used then: it reads an undeclared text/xml as US-ASCII, as RFC 3023 says, which garbles the
     * many Chinese feeds served that way.
     */
    private static Reader reader(FetchedPage page) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(page.content());
        XmlReader xml = page.charset() != null
                ? new XmlReader(bytes, "application/xml; charset=" + page.charset().name(), true)
                : new XmlReader(bytes, true, StandardCharsets.UTF_8.name());
        // sites label GBK text as GB2312 all the time, and GB2312 alone loses every character it lacks
        // (镕, 堃, 喆 ...); GB18030 reads GB2312 and GBK bytes alike
        if (GB_FAMILY.contains(xml.getEncoding().toUpperCase(java.util.Locale.ROOT))) {
            xml.close();
            return new InputStreamReader(new ByteArrayInputStream(page.content()), Charset.forName("GB18030"));
        }
        return xml;
    }

    private static final java.util.Set<String> GB_FAMILY = java.util.Set.of("GB2312", "GBK", "X-GBK", "EUC-CN", "CP936", "MS936");

    private static FeedDocument.Entry entry(SyndEntry e) {
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant publishedAt = date == null ? null : date.toInstant();
        String title = blankToNull(e.getTitle());
        String link = blankToNull(e.getLink());
        String id = blankToNull(e.getUri());
        if (id == null) {
            id = link != null ? link : "hash:" + sha256(Objects.toString(title, "") + "\n" + Objects.toString(publishedAt, ""));
        }
        List<String> categories = e.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull).map(String::strip).toList();
        return new FeedDocument.Entry(id, title, link, publishedAt, content(e), categories);
    }

    /** The fullest text the entry carries: content:encoded or atom content before the description or summary. */
    private static String content(SyndEntry e) {
        String best = null;
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && (best == null || c.getValue().length() > best.length())) {
                best = c.getValue();
            }
        }
        if (best == null && e.getDescription() != null) {
            best = e.getDescription().getValue();
        }
        return blankToNull(best);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
