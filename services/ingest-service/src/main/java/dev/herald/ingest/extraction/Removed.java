package dev.herald.ingest.extraction;

/**
 * Lines left out of the body, by kind: navigation, breadcrumb, recommendations, footer, metadata, pager
 * (上一篇/下一篇), share or other. A run of lines of one kind is one entry; text holds them joined by newlines.
 */
public record Removed(int fromLine, int toLine, String kind, String text) {
}
