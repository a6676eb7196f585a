package dev.herald.ingest.bulk;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One bulk import, as anyone watching it sees it: written when it starts and every few items, so its
 * counts are at most {@code herald.ingest.bulk.progress-every} items behind. Its id derives from unit and
 * Idempotency-Key: a retry is the same import, started again ({@code attempt}) with fresh counts.
 *
 * @param processed items read so far (created + duplicate + invalid)
 * @param failure   why a FAILED import stopped
 */
@Document("bulk_imports")
public record BulkImport(@Id String id, String unit, String idempotencyKey, BulkImportStatus status, int attempt,
                         long processed, long created, long duplicate, long invalid,
                         Instant startedAt, Instant updatedAt, Instant finishedAt, String failure) {
}
