package dev.herald.ingest.bulk;

import dev.herald.ingest.report.SubmitReportRequest;
import dev.herald.support.web.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads NDJSON one line at a time from a stream: each line is parsed on its own, so a malformed line
 * is one invalid item and the next line starts clean. A line is held only while it is parsed, and a
 * line over the limit is skipped to its end rather than buffered. Blank lines are no items.
 */
final class NdjsonItemSource implements BulkItemSource {

    private final InputStream in;
    private final ObjectReader reader;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private int length;
    private boolean overlong;
    private int lineNumber;

    NdjsonItemSource(InputStream in, JsonMapper json, int maxLineBytes) {
        this.in = in;
        // the service's own mapper: the same type strictness and operator-key guard as the single endpoint
        this.reader = json.readerFor(SubmitReportRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public BulkItem next() throws IOException {
        while (readLine()) {
            lineNumber++;
            if (overlong) {
                return unreadable("is longer than " + maxLineBytes + " bytes");
            }
            if (!isBlank()) {
                return parse();
            }
        }
        return null;
    }

    private BulkItem parse() {
        try {
            SubmitReportRequest request = reader.readValue(line, 0, length);
            return request == null ? unreadable("is not a JSON object") : new BulkItem.Parsed(lineNumber, request);
        } catch (JacksonException e) {
            // a parse error inside a value carries that value's path, but the line is broken, not the field
            if (e instanceof StreamReadException || e.getPath().isEmpty()) {
                return unreadable("is not readable JSON: " + firstLine(e.getOriginalMessage()));
            }
            String field = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof UnrecognizedPropertyException
                    ? "is not accepted: field names may not start with '$' or contain '.'"
                    : "has the wrong type or format";
            return new BulkItem.Unreadable(lineNumber, List.of(new FieldError(field, message)));
        }
    }

    private BulkItem unreadable(String message) {
        return new BulkItem.Unreadable(lineNumber, List.of(new FieldError("line", message)));
    }

    /** Fills {@code line} with the next line's bytes (without its end); false when the input is exhausted. */
    private boolean readLine() throws IOException {
        length = 0;
        overlong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (overlong || length + n > maxLineBytes) {
            overlong = true;
            return;
        }
        if (length + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
