package dev.herald.ingest.extraction;

import java.util.List;

/**
 * Turns an imported page (HTML, or a text dump of one) into a draft's fields, its body without the site's chrome,
 * and an account of what was left out. HTML is first reduced to the lines a text dump would show, so both forms go
 * through the same line-based reading and give the same result; markup only breaks ties.
 */
public final class PageExtractor {

    private final KnownNames registry;

    public PageExtractor(ExtractionHints hints) {
        this.registry = new KnownNames(hints == null ? ExtractionHints.none() : hints);
    }

    /** Never throws: empty or garbage input gives null fields and an empty body. */
    public Extraction extract(String content, PageFormat format) {
        List<String> lines = List.of();
        try {
            PageText page = PageReader.read(content, format == null ? PageFormat.TEXT : format);
            lines = page.lines();
            return new PageReading(page, registry).read();
        } catch (RuntimeException | StackOverflowError e) {
            // a page is untrusted input: a page nobody foresaw must cost its sender a draft to fill by hand, not the request
            return Extraction.empty(lines);
        }
    }
}
