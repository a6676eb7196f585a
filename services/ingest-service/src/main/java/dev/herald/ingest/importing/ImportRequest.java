package dev.herald.ingest.importing;

import jakarta.validation.constraints.Size;

/**
 * A page to import: exactly one of its HTML, its text (as copied from a browser, or a text dump), or a URL
 * for the service to fetch. {@code channel} overrides the channel extraction would guess.
 */
public record ImportRequest(@Size(max = 400_000) String html, @Size(max = 200_000) String text,
                            @Size(max = 2_000) String url, @Size(max = 50) String channel) {
}
