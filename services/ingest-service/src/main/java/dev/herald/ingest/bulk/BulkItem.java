package dev.herald.ingest.bulk;

import dev.herald.ingest.report.SubmitReportRequest;
import dev.herald.support.web.FieldError;

import java.util.List;

/**
 * One item of a bulk import as its source read it: a request to validate and submit, or the reason it
 * could not be read. {@code line} numbers the item within its input (the NDJSON line, or the entry of
 * an archive) and, with the import's key, names the report it makes, so a retry finds the same report.
 */
public sealed interface BulkItem {

    int line();

    /** The archive entry the item came from (a page's file name); null for NDJSON lines. */
    String entry();

    record Parsed(int line, SubmitReportRequest request, String entry) implements BulkItem {
        public Parsed(int line, SubmitReportRequest request) {
            this(line, request, null);
        }
    }

    record Unreadable(int line, List<FieldError> errors, String entry) implements BulkItem {
        public Unreadable(int line, List<FieldError> errors) {
            this(line, errors, null);
        }
    }
}
