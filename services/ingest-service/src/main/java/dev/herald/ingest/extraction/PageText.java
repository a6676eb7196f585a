package dev.herald.ingest.extraction;

import java.util.Collections;
import java.util.List;

/**
 * A page reduced to text lines. HTML pages add what their markup says about a line ({@code chrome}: a removal
 * kind when the line sits in a nav, footer, breadcrumb... element, else null; {@code heading}: inside h1..h3;
 * {@code link}: all its text is link text; {@code afterImage}: an image opened it, as a caption's line is) and what
 * the head says ({@code headDate}: an ISO date from the article's meta tags; {@code monthFirst}: the page's language
 * writes 06/30/2021). Text dumps have none of that, so the extractor must never need it, only use it as a tie-break.
 * A text dump's first line is often the page's head title as the scraper saved it ("headline_site"): then
 * {@code headTitle} is that line and {@code headLine} its index (else -1), so it is never taken for its own echo.
 * {@code container} numbers the element each line's block stands in (-1 where unknown), so lines set side by side as
 * one text's paragraphs can be told from a box above them.
 */
record PageText(List<String> lines, List<String> chrome, List<Boolean> heading, List<Boolean> link, List<Boolean> afterImage,
                String headTitle, int headLine, String headSite, String headDate, boolean monthFirst, List<String> markedWriters,
                List<Integer> container) {

    static PageText ofLines(List<String> lines) {
        List<Boolean> no = Collections.nCopies(lines.size(), false);
        return new PageText(lines, Collections.nCopies(lines.size(), null), no, no, no, null, -1, null, null, false, List.of(),
                Collections.nCopies(lines.size(), -1));
    }

    /** A text dump whose first line may be the head title the scraper saved above the page's text. */
    static PageText ofDump(List<String> lines) {
        PageText page = ofLines(lines);
        if (lines.size() < 3 || !TitleLocator.couldBeHeadTitle(lines.get(0))) return page;
        return new PageText(lines, page.chrome, page.heading, page.link, page.afterImage, lines.get(0), 0, null, null, false, List.of(),
                page.container);
    }

    String chromeOf(int line) {
        return chrome.get(line);
    }

    boolean headingAt(int line) {
        return heading.get(line);
    }

    boolean linkAt(int line) {
        return link.get(line);
    }

    boolean afterImageAt(int line) {
        return afterImage.get(line);
    }

    /** Whether two lines' blocks stand in the same element (two <p> of one article body); never for a text dump. */
    boolean sameContainer(int a, int b) {
        return container.get(a) >= 0 && container.get(a).equals(container.get(b));
    }
}
