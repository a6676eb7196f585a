package dev.herald.ingest.draft;

import dev.herald.ingest.report.ReportService;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
class DraftController {

    record Drafts(long total, int page, int size, List<DraftView> drafts) {
    }

    record Submitted(String draftId, String reportId, String status, int revision) {
    }

    private static final int MAX_PAGE_SIZE = 100;

    private final DraftService drafts;

    DraftController(DraftService drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/api/drafts")
    Drafts list(@RequestParam(required = false) DraftStatus status, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        DraftService.Page found = drafts.list(Caller.current().unit(), status, page, size);
        return new Drafts(found.total(), page, size, found.drafts().stream().map(DraftView::of).toList());
    }

    @GetMapping("/api/drafts/{id}")
    DraftView get(@PathVariable String id) {
        return DraftView.of(drafts.get(Caller.current().unit(), id));
    }

    @PatchMapping("/api/drafts/{id}")
    DraftView edit(@PathVariable String id, @Valid @RequestBody DraftEdit edit) {
        return DraftView.of(drafts.edit(Caller.current().unit(), id, edit));
    }

    @ApiResponse(responseCode = "202", description = "The draft is submitted as a report, kept on disk and queued for review; Location is the report", useReturnTypeSchema = true)
    @PostMapping("/api/drafts/{id}/submit")
    ResponseEntity<Submitted> submit(@PathVariable String id) {
        ReportService.Submission submission = drafts.submit(Caller.current().unit(), id);
        var report = submission.report();
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/reports/{id}").buildAndExpand(report.getId()).toUri();
        return ResponseEntity.accepted().location(location).header("Idempotent-Replayed", String.valueOf(!submission.created()))
                .body(new Submitted(id, report.getId(), report.getStatus().name(), report.getRevision()));
    }

    @DeleteMapping("/api/drafts/{id}")
    DraftView discard(@PathVariable String id) {
        return DraftView.of(drafts.discard(Caller.current().unit(), id));
    }
}
