package dev.herald.ingest.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a unit sends. The unit itself is not part of it: it is the one the caller's token acts for.
 * Limits are generous for real reports and stop abuse well before memory does.
 */
public record SubmitReportRequest(
        @NotBlank @Size(max = 50) String channel,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 300) String subtitle,
        @NotBlank @Size(max = 60_000) String body,
        @Size(max = 100) String author,
        @Size(max = 200) String contributor,
        @Size(max = 2_000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
        @Size(max = 40) String originalPublishedAt,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags) {
}
