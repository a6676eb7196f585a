package dev.herald.ingest.extraction;

import java.util.List;

/**
 * A page reduced to text lines. HTML pages add what their markup says about a line ({@code chrome}: a removal
 * kind when the line sits in a nav, footer, breadcrumb... element, else null; {@code heading}: inside h1..h3) and
 * what the head says; text dumps have none of that, so the extractor must never need it, only use it as a tie-break.
 */
record PageText(List<String> lines, List<String> chrome, List<Boolean> heading, String headTitle, String headSite) {

    static PageText ofLines(List<String> lines) {
        List<String> none = java.util.Collections.nCopies(lines.size(), null);
        return new PageText(lines, none, java.util.Collections.nCopies(lines.size(), false), null, null);
    }

    String chromeOf(int line) {
        return chrome.get(line);
    }

    boolean headingAt(int line) {
        return heading.get(line);
    }
}
