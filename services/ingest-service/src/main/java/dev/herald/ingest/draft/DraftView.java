package dev.herald.ingest.draft;

import dev.herald.ingest.extraction.ExtractedField;
import dev.herald.ingest.extraction.Removed;
import dev.herald.ingest.extraction.Section;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A draft as its unit sees it. {@code extracted} holds each field found with its confidence and span
 * (line, start, end in {@code lines}); {@code removed} the line ranges cut away as page chrome. Lists of
 * drafts leave {@code lines} out.
 */
public record DraftView(String id, String unit, DraftStatus status, Origin origin, DraftContent content,
                        Map<String, ExtractedField> extracted, List<Section> sections, List<Removed> removed,
                        List<String> warnings, String reportId, Long version, Instant createdAt, Instant updatedAt,
                        List<String> lines) {

    public static DraftView of(Draft d) {
        return new DraftView(d.id(), d.unit(), d.status(), d.origin(), d.content(), d.extracted(), d.sections(), d.removed(),
                d.warnings(), d.reportId(), d.version(), d.createdAt(), d.updatedAt(), d.lines());
    }
}
