package dev.herald.ingest.extraction;

/** A section title inside the body (a story of a multi-story page, or a sub-heading), by its char offset in the body. */
public record Section(String title, int bodyOffset) {
}
