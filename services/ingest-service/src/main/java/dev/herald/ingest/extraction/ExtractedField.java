package dev.herald.ingest.extraction;

/**
 * One extracted value, how sure the extractor is of it (0..1) and the text it was read from; the span is
 * null for values derived rather than read (a unit name mapped through the registry keeps the span of what was written).
 */
public record ExtractedField(String value, double confidence, Span span) {

    static ExtractedField of(String value, double confidence, Span span) {
        return value == null || value.isBlank() ? null : new ExtractedField(value, confidence, span);
    }
}
