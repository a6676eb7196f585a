package dev.herald.ingest.extraction;

import java.util.List;

/**
 * What an imported page yields. Absent fields are null. {@code lines} is the page as text lines (TEXT: its lines,
 * trimmed, blank lines dropped; HTML: block-level text lines); every span points into it. {@code body} is the
 * paragraphs joined by "\n", section titles being paragraphs of their own; {@code originalDate} is ISO
 * (2020-04-02, or 2021-04-28T00:00 when the page gives a time); {@code contributingUnit} is the registered unit's
 * name when the hints map it, else as written; {@code channel} is one of the hints' channels or null.
 */
public record Extraction(List<String> lines,
                         ExtractedField title, ExtractedField subtitle, ExtractedField originalDate,
                         ExtractedField sourceSite, ExtractedField author, ExtractedField editor, ExtractedField contributor,
                         ExtractedField contributingUnit,
                         ExtractedField channel,
                         String body,
                         List<Section> sections, List<Removed> removed) {

    public Extraction {
        lines = List.copyOf(lines);
        sections = List.copyOf(sections);
        removed = List.copyOf(removed);
    }

    static Extraction empty(List<String> lines) {
        return new Extraction(lines, null, null, null, null, null, null, null, null, null, "", List.of(), List.of());
    }
}
