package dev.herald.ingest.report;

import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The unit's own sign-off before submission (issue 16.5): for a unit registered with {@code unitSignOff}, its
 * reports wait as AWAITING_UNIT_SIGN_OFF until its UNIT_REVIEWER approves them here, or sends them back to the
 * submitter. The unit is always the token's: another unit's report is a 404.
 */
@RestController
@RequestMapping("/api/reports")
class UnitSignOffController {

    static final int MAX_PAGE_SIZE = 100;

    record ReturnRequest(@NotBlank @Size(max = 2_000) String message) {
    }

    record Reports(ReportStatus status, long total, int page, int size, List<ReportView> reports) {
    }

    private final ReportService service;

    UnitSignOffController(ReportService service) {
        this.service = service;
    }

    /** The unit's reports in one status, the latest first; by default those waiting for its sign-off. */
    @GetMapping
    Reports list(@RequestParam(defaultValue = "AWAITING_UNIT_SIGN_OFF") ReportStatus status,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Page<Report> found = service.forUnit(unit(), status, page, size);
        return new Reports(status, found.getTotalElements(), page, size, found.getContent().stream().map(ReportView::of).toList());
    }

    @PostMapping("/{id}/sign-off")
    ReportView signOff(@PathVariable String id) {
        return ReportView.of(service.signOff(id, unit(), Caller.current().name()));
    }

    @PostMapping("/{id}/request-changes")
    ReportView requestChanges(@PathVariable String id, @Valid @RequestBody ReturnRequest request) {
        return ReportView.of(service.returnToSubmitter(id, unit(), Caller.current().name(), request.message().strip()));
    }

    private static String unit() {
        String unit = Caller.current().unit();
        if (unit == null || unit.isBlank()) {
            throw new InvalidRequestException("unit", "the token names no unit");
        }
        return unit;
    }
}
