package dev.herald.ingest.bulk;

import dev.herald.ingest.report.ReportService;
import dev.herald.support.web.FieldError;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.PayloadTooLargeException;
import dev.herald.support.web.UnprocessableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one bulk import: takes items from the source one at a time, validates each as the single
 * endpoint does, submits it through {@link ReportService#submitOnce} under a key derived from the
 * import's key and the item's line, and writes each result out before reading on. Memory does not grow
 * with the number of items: only the results kept since the last progress write are held.
 */
@Service
class BulkImporter {

    private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

    private final ReportService reports;
    private final BulkImports imports;
    private final Validator validator;
    private final BulkProperties properties;
    private final Map<BulkItemStatus, Counter> counters = new EnumMap<>(BulkItemStatus.class);

    BulkImporter(ReportService reports, BulkImports imports, Validator validator, BulkProperties properties, MeterRegistry meters) {
        this.reports = reports;
        this.imports = imports;
        this.validator = validator;
        this.properties = properties;
        for (BulkItemStatus status : BulkItemStatus.values()) {
            counters.put(status, meters.counter("herald.ingest.bulk.items", "status", status.name()));
        }
    }

    /** Imports every item of the source into the started job; failures end the stream with a problem line. */
    void run(BulkImport job, BulkItemSource source, NdjsonResultWriter out) throws IOException {
        BulkTally tally = new BulkTally();
        List<BulkItemResult> kept = new ArrayList<>();
        try {
            for (BulkItem item = source.next(); item != null; item = source.next()) {
                if (tally.processed() >= properties.maxItems()) {
                    fail(job, tally, kept, out, 413, "Request too large", "the import has more than " + properties.maxItems() + " items");
                    return;
                }
                BulkItemResult result = handle(job, item);
                tally.count(result.status());
                counters.get(result.status()).increment();
                if (result.status() != BulkItemStatus.CREATED) {
                    kept.add(result);
                }
                // progress first: whoever has seen this result finds the job at least this far along
                if (tally.processed() % properties.progressEvery() == 0) {
                    imports.progress(job.id(), tally, kept);
                    kept.clear();
                }
                out.item(result);
            }
        } catch (PayloadTooLargeException e) {
            fail(job, tally, kept, out, 413, "Request too large", e.getMessage());
            return;
        } catch (IOException e) {
            // the client went away or its body broke off: nothing more can be read, and likely nothing written
            imports.finish(job.id(), tally, kept, BulkImportStatus.FAILED, "the request body broke off: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.error("Bulk import {} failed", job.id(), e);
            fail(job, tally, kept, out, 500, "Internal error", "the import stopped on a server failure; it has been logged");
            return;
        }
        imports.finish(job.id(), tally, kept, BulkImportStatus.COMPLETED, null);
        out.summary(job.id(), BulkImportStatus.COMPLETED, tally);
    }

    private void fail(BulkImport job, BulkTally tally, List<BulkItemResult> kept, NdjsonResultWriter out,
                      int status, String title, String detail) throws IOException {
        imports.finish(job.id(), tally, kept, BulkImportStatus.FAILED, detail);
        out.problem(status, title, detail);
        out.summary(job.id(), BulkImportStatus.FAILED, tally);
    }

    private BulkItemResult handle(BulkImport job, BulkItem item) {
        BulkItemResult result = switch (item) {
            case BulkItem.Unreadable unreadable -> BulkItemResult.invalid(item.line(), unreadable.errors());
            case BulkItem.Parsed parsed -> submit(job, parsed);
        };
        return result.from(item.entry());
    }

    private BulkItemResult submit(BulkImport job, BulkItem.Parsed item) {
        List<FieldError> errors = validator.validate(item.request()).stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        if (!errors.isEmpty()) {
            return BulkItemResult.invalid(item.line(), errors);
        }
        try {
            // one key per line of this import: a retry of the import names the same report for the same line
            var submission = reports.submitOnce(job.unit(), item.request(), "bulk:" + job.idempotencyKey() + ":" + item.line());
            return new BulkItemResult(item.line(), submission.created() ? BulkItemStatus.CREATED : BulkItemStatus.DUPLICATE,
                    submission.report().getId(), List.of());
        } catch (InvalidRequestException e) {
            return BulkItemResult.invalid(item.line(), List.of(new FieldError(e.field(), e.getMessage())));
        } catch (UnprocessableException e) {
            return BulkItemResult.invalid(item.line(), List.of(new FieldError("line",
                    "differs from what this line held when this Idempotency-Key was first imported")));
        }
    }

    /** The field as the single endpoint names it: {@code tags[0]}, not {@code tags[0].<list element>}. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) field.append('[').append(node.getIndex()).append(']');
            } else if (node.getName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
