package dev.herald.ingest.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.support.web.FieldError;

import java.util.List;

/** What became of one item: one line of the streamed answer, and one row of the stored results. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BulkItemResult(int line, BulkItemStatus status, String reportId, List<FieldError> errors) {

    static BulkItemResult invalid(int line, List<FieldError> errors) {
        return new BulkItemResult(line, BulkItemStatus.INVALID, null, List.copyOf(errors));
    }
}
