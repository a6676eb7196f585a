package dev.herald.ingest.extraction;

/** Where a value came from: a line of the page's text (0-based) and a char range within that line. */
public record Span(int line, int start, int end) {
}
