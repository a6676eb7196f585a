package dev.herald.ingest.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a unit sends. The unit itself is not part of it: it is the one the caller's token acts for.
 * {@code sections} are the body's section titles, each one a whole paragraph (line) of the body, as on
 * a page holding several stories under one headline. {@code important} asks for the platform's leader sign-off
 * (the review workflow's escalation stage), as the unit's rules require for important items.
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
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> sections,
        Boolean important) {

    /** A report the unit did not mark important. */
    public SubmitReportRequest(String channel, String title, String subtitle, String body, String author, String contributor,
                               String sourceUrl, String originalPublishedAt, List<String> tags, List<String> sections) {
        this(channel, title, subtitle, body, author, contributor, sourceUrl, originalPublishedAt, tags, sections, null);
    }

    /** A report without section titles. */
    public SubmitReportRequest(String channel, String title, String subtitle, String body, String author, String contributor,
                               String sourceUrl, String originalPublishedAt, List<String> tags) {
        this(channel, title, subtitle, body, author, contributor, sourceUrl, originalPublishedAt, tags, null);
    }
}
