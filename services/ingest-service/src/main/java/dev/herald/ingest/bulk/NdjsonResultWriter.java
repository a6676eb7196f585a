package dev.herald.ingest.bulk;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes an import's answer as NDJSON, one result per item and a summary last, flushing every line so
 * the client sees each result as soon as it is known (and before the import reads further input).
 */
final class NdjsonResultWriter {

    /** The RFC 9457 fields of a failure that came after the 200 was sent, carried in the stream. */
    record Problem(String type, String title, int status, String detail) {
    }

    record Summary(String id, BulkImportStatus status, long created, long duplicate, long invalid) {
    }

    private final OutputStream out;
    private final ObjectWriter writer;

    NdjsonResultWriter(OutputStream out, JsonMapper json) {
        this.out = out;
        this.writer = json.writer();
    }

    void item(BulkItemResult result) throws IOException {
        line(result);
    }

    void problem(int status, String title, String detail) throws IOException {
        line(Map.of("problem", new Problem(dev.herald.support.web.ProblemTypes.forStatus(status).toString(), title, status, detail)));
    }

    void summary(String id, BulkImportStatus status, BulkTally tally) throws IOException {
        line(Map.of("summary", new Summary(id, status, tally.created, tally.duplicate, tally.invalid)));
    }

    private void line(Object value) throws IOException {
        out.write(writer.writeValueAsBytes(value));
        out.write('\n');
        out.flush();
    }
}
