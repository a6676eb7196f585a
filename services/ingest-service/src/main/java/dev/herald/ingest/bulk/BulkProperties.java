package dev.herald.ingest.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits and pacing of bulk imports ({@code herald.ingest.bulk.*}). The body limit itself is enforced
 * by the request size filter, through the path limit {@link BulkConfiguration} declares from {@code max-bytes}.
 *
 * @param maxBytes      the largest import body
 * @param maxItems      the most items one import may carry
 * @param maxLineBytes  the longest single line; a longer one is an invalid item, not a failed import
 * @param maxPageBytes  the largest page in a ZIP of pages; a larger one is an invalid item
 * @param progressEvery how many items pass between two writes of the job's progress
 * @param staleAfter    how long a RUNNING job may go without progress before a retry may take it over
 *                      (its request died with the instance that ran it)
 */
@ConfigurationProperties("herald.ingest.bulk")
public record BulkProperties(DataSize maxBytes, int maxItems, DataSize maxLineBytes, DataSize maxPageBytes, int progressEvery,
                             Duration staleAfter) {

    public BulkProperties {
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(200) : maxBytes;
        maxItems = maxItems <= 0 ? 100_000 : maxItems;
        maxLineBytes = maxLineBytes == null ? DataSize.ofKilobytes(512) : maxLineBytes;
        maxPageBytes = maxPageBytes == null ? DataSize.ofMegabytes(2) : maxPageBytes;
        progressEvery = progressEvery <= 0 ? 100 : progressEvery;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
    }
}
