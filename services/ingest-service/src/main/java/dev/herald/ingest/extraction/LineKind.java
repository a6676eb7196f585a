package dev.herald.ingest.extraction;

/** What a line of a page is, judged from the line and its neighbours before the body is known. */
enum LineKind {
    PARAGRAPH(null), SHORT(null), SUBTITLE("metadata"), METADATA("metadata"), BREADCRUMB("breadcrumb"),
    NAVIGATION("navigation"), RECOMMENDATIONS("recommendations"), FOOTER("footer"), PAGER("pager"), SHARE("share");

    /** The kind a removed line of this sort is reported as; null for text that may be content. */
    final String removal;

    LineKind(String removal) {
        this.removal = removal;
    }

    boolean chrome() {
        return removal != null && this != SUBTITLE;
    }
}
