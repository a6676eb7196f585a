package dev.herald.console.unit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What ingest answers about drafts (pages imported, to be checked and edited before they are submitted). */
public final class Drafts {

    private Drafts() {
    }

    /**
     * A draft as ingest's {@code DraftView} gives it: each extracted field with its confidence and the span of the
     * page's text it was read from ({@code lines}), the chrome removed, the warnings.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String id, String status, Origin origin, Content content, Map<String, Field> extracted,
                        List<Removed> removed, List<String> warnings, String reportId, Long version, Instant createdAt,
                        List<String> lines) {
        public Draft {
            extracted = extracted == null ? Map.of() : extracted;
            removed = removed == null ? List.of() : removed;
            warnings = warnings == null ? List.of() : warnings;
            lines = lines == null ? List.of() : lines;
            content = content == null ? new Content(null, null, null, null, null, null, null, null) : content;
        }

        public boolean open() {
            return "OPEN".equals(status);
        }

        Draft with(Content typed) {
            return new Draft(id, status, origin, typed, extracted, removed, warnings, reportId, version, createdAt, lines);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Origin(String kind, String url) {
    }

    /** The fields the unit edits; tags are left as extracted (a PATCH leaves out what it does not name). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String channel, String title, String subtitle, String body, String author, String contributor,
                          String sourceUrl, String originalPublishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String value, double confidence, Span span) {
    }

    /** A line of the page's text (0-based) and a char range within it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Span(int line, int start, int end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Removed(int fromLine, int toLine, String kind, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(Long total, List<Draft> drafts) {
        public Listing {
            drafts = drafts == null ? List.of() : drafts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submitted(String draftId, String reportId, String status, Integer revision) {
    }

    /**
     * One extracted field as the page shows it: its value, its confidence in percent, and the line it was read
     * from split around the span, so the page can mark the span without trusting any markup.
     *
     * @param line 1-based, as a person counts; 0 when the value was derived rather than read
     */
    public record Shown(String key, String value, int percent, int line, String before, String read, String after) {

        static Shown of(String key, Field field, List<String> lines) {
            int percent = (int) Math.round(Math.max(0, Math.min(1, field.confidence())) * 100);
            Span span = field.span();
            if (span == null || span.line() < 0 || span.line() >= lines.size()) {
                return new Shown(key, field.value(), percent, 0, "", "", "");
            }
            String text = lines.get(span.line());
            int start = Math.max(0, Math.min(span.start(), text.length()));
            int end = Math.max(start, Math.min(span.end(), text.length()));
            return new Shown(key, field.value(), percent, span.line() + 1, text.substring(0, start),
                    text.substring(start, end), text.substring(end));
        }
    }
}
