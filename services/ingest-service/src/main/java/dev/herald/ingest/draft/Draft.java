package dev.herald.ingest.draft;

import dev.herald.ingest.extraction.ExtractedField;
import dev.herald.ingest.extraction.Removed;
import dev.herald.ingest.extraction.Section;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report in the making, imported from a page. It keeps what extraction found (each field with its
 * confidence and the span of the page it came from, and what was cut away as chrome) beside the content
 * the unit edits, so a reviewer of the draft can see both.
 *
 * @param lines       the page as text lines, which the spans point into
 * @param contentHash the normalised body's hash, for recognising the same story arriving again
 * @param warnings    what the unit should look at before submitting (a page naming another unit, no channel guessed)
 */
@Document("drafts")
@CompoundIndexes({
        @CompoundIndex(name = "unit_status", def = "{'unit': 1, 'status': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "unit_hash", def = "{'unit': 1, 'contentHash': 1}")})
public record Draft(@Id String id, String unit, DraftStatus status, Origin origin, List<String> lines,
                    Map<String, ExtractedField> extracted, List<Section> sections, List<Removed> removed,
                    DraftContent content, List<String> warnings, String contentHash, String reportId,
                    @Version Long version, Instant createdAt, Instant updatedAt) {

    Draft with(DraftStatus status, DraftContent content, String reportId, Instant now) {
        return new Draft(id, unit, status, origin, lines, extracted, sections, removed, content, warnings, contentHash,
                reportId, version, createdAt, now);
    }
}
