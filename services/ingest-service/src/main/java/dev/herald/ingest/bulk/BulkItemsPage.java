package dev.herald.ingest.bulk;

import java.util.List;

/** A page of an import's kept item results, in line order. */
public record BulkItemsPage(String importId, BulkItemStatus status, int page, int size, long total, List<BulkItemResult> items) {
}
