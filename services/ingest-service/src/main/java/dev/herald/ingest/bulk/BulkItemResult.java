package dev.herald.ingest.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.support.web.FieldError;

import java.util.List;

/** What became of one item: one line of the streamed answer, and one row of the stored results. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BulkItemResult(int line, BulkItemStatus status, String reportId, List<FieldError> errors, String entry) {

    public BulkItemResult(int line, BulkItemStatus status, String reportId, List<FieldError> errors) {
        this(line, status, reportId, errors, null);
    }

    static BulkItemResult invalid(int line, List<FieldError> errors) {
        return new BulkItemResult(line, BulkItemStatus.INVALID, null, List.copyOf(errors));
    }

    BulkItemResult from(String entry) {
        return entry == null ? this : new BulkItemResult(line, status, reportId, errors, entry);
    }
}
