package dev.herald.ingest.report;

import java.time.Instant;
import java.util.List;

/** A report's fields after validation and parsing. */
public record ReportContent(String unit, String channel, String title, String subtitle, String body,
                            String author, String contributor, String sourceUrl, Instant originalPublishedAt,
                            List<String> tags, List<String> sections, boolean important) {
}
