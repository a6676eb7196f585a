package dev.herald.corpus;

import java.time.Instant;
import java.util.List;

/**
 * A report as a unit would submit it, made up by {@link ReportGenerator} or taken from the real corpus
 * ({@link RealReports}). {@code subtitle}, {@code author} and {@code contributor} are null when the report
 * has none, as real reports often do.
 */
public record GeneratedReport(String id, String unit, String channel, String title, String subtitle, String body,
                              String author, String contributor, List<String> tags, Instant publishedAt) {

    public GeneratedReport {
        tags = List.copyOf(tags);
    }
}
