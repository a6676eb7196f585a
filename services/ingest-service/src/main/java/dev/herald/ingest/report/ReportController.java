package dev.herald.ingest.report;

import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final ReportService service;

    ReportController(ReportService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "202", description = "Kept on disk and queued for review; Location is the report, Idempotent-Replayed says whether this key had been answered before", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody SubmitReportRequest request,
                                             @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        checkKey(key);
        String unit = unitOf(Caller.current());
        ReportService.Submission submission = service.submit(unit, request, key);
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(submission.report().getId()).toUri();
        return receipt(submission, location);
    }

    /** A unit's next revision of a report sent back for changes; it re-enters the same review. */
    @ApiResponse(responseCode = "202", description = "The revision is kept and back in its review; Idempotent-Replayed as for a submission", useReturnTypeSchema = true)
    @PostMapping("/{id}/revisions")
    ResponseEntity<SubmissionReceipt> revise(@PathVariable String id, @Valid @RequestBody SubmitReportRequest request,
                                             @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        checkKey(key);
        ReportService.Submission submission = service.revise(id, unitOf(Caller.current()), request, key);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/reports/{id}").buildAndExpand(id).toUri();
        return receipt(submission, location);
    }

    /**
     * A correction (更正) of a published report: the corrected report and a note for readers; it goes through
     * review again, and the published article stays as it is until the correction is signed off.
     */
    @ApiResponse(responseCode = "202", description = "The correction is kept and in review; the published article stays until it is signed off", useReturnTypeSchema = true)
    @PostMapping("/{id}/corrections")
    ResponseEntity<SubmissionReceipt> correct(@PathVariable String id, @Valid @RequestBody CorrectionRequest request,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        checkKey(key);
        ReportService.Submission submission = service.correct(id, unitOf(Caller.current()), request, key);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/reports/{id}").buildAndExpand(id).toUri();
        return receipt(submission, location);
    }

    private static ResponseEntity<SubmissionReceipt> receipt(ReportService.Submission submission, java.net.URI location) {
        Report report = submission.report();
        return ResponseEntity.accepted().location(location)
                .header("Idempotent-Replayed", String.valueOf(!submission.created()))
                .body(new SubmissionReceipt(report.getId(), report.getStatus(), report.getRevision()));
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
    }

    private static String unitOf(Caller caller) {
        String unit = caller.unit();
        if (unit == null || unit.isBlank()) {
            throw new InvalidRequestException("unit", "the token names no unit to submit for");
        }
        return unit;
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id) {
        Caller caller = Caller.current();
        return ReportView.of(caller.has("MODERATOR") || caller.has("ADMIN")
                ? service.get(id) : service.getForUnit(id, caller.unit()));
    }
}
