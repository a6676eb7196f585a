package dev.herald.ingest.draft;

import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Changes to a draft's content: a field left out stays as it is, an empty string clears it.
 *
 * @param version the version the unit edited, so a change made meanwhile elsewhere is not overwritten
 */
public record DraftEdit(@Size(max = 50) String channel, @Size(max = 200) String title, @Size(max = 300) String subtitle,
                        @Size(max = 60_000) String body, @Size(max = 100) String author, @Size(max = 200) String contributor,
                        @Size(max = 2_000) String sourceUrl, @Size(max = 40) String originalPublishedAt,
                        @Size(max = 20) List<@Size(max = 40) String> tags, Long version) {
}
