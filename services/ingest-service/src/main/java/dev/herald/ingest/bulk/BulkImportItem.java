package dev.herald.ingest.bulk;

import dev.herald.support.web.FieldError;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * The stored result of one item that did not make a report (DUPLICATE or INVALID). Created items are
 * not kept: they are the bulk of a healthy import, the streamed answer names each one's report, and a
 * retry with the same key answers every one of them again as DUPLICATE with its report id. What a
 * client must act on is what stays listable, at a cost proportional to the problems, not to the file.
 */
@Document("bulk_import_items")
@CompoundIndex(name = "import_status_line", def = "{'importId': 1, 'status': 1, 'line': 1}")
record BulkImportItem(@Id String id, String importId, int line, BulkItemStatus status, String reportId,
                      List<FieldError> errors, String entry) {

    static BulkImportItem of(String importId, BulkItemResult result) {
        return new BulkImportItem(importId + ":" + result.line(), importId, result.line(), result.status(),
                result.reportId(), result.errors(), result.entry());
    }

    BulkItemResult result() {
        return new BulkItemResult(line, status, reportId, errors == null ? List.of() : errors, entry);
    }
}
