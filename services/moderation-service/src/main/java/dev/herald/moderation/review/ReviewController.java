package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_FILTER = 200;

    private final ReviewService service;
    private final Clock clock;

    ReviewController(ReviewService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping
    ReviewViews.Queue queue(@RequestParam(defaultValue = "PENDING") ReviewStatus status,
                            @RequestParam(required = false) Verdict verdict,
                            @RequestParam(required = false) String channel,
                            @RequestParam(required = false) String unit,
                            @RequestParam(required = false) String stage,
                            @RequestParam(defaultValue = "false") boolean decidable,
                            @RequestParam(defaultValue = "AGE") QueueQuery.Order sort,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        // what the caller may decide: their roles' stages, not one they already decided another stage of
        Decider caller = decidable ? decider() : null;
        QueueQuery query = new QueueQuery(status, verdict, filter("channel", channel), filter("unit", unit),
                filter("stage", stage), caller == null ? null : caller.name(), caller == null ? null : caller.roles(), sort, page, size);
        Page<Review> found = service.queue(query);
        return new ReviewViews.Queue(status, found.getTotalElements(), page, size,
                found.getContent().stream().map(r -> ReviewViews.Summary.of(r, clock.instant())).toList());
    }

    private static String filter(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_FILTER) {
            throw new InvalidRequestException(name, "must be 1 to " + MAX_FILTER + " characters");
        }
        return value.strip();
    }

    @GetMapping("/{id}")
    ReviewViews.Detail get(@PathVariable String id) {
        return detail(service.get(id));
    }

    @PostMapping("/{id}/claim")
    ReviewViews.Detail claim(@PathVariable String id) {
        return detail(service.claim(id, decider()));
    }

    @DeleteMapping("/{id}/claim")
    ReviewViews.Detail release(@PathVariable String id) {
        return detail(service.release(id, Caller.current().name()));
    }

    @PostMapping("/{id}/approve")
    ReviewViews.Detail approve(@PathVariable String id, @Valid @RequestBody Decisions.Approval approval) {
        return detail(service.approve(id, decider(), approval));
    }

    @PostMapping("/{id}/reject")
    ReviewViews.Detail reject(@PathVariable String id, @Valid @RequestBody Decisions.Rejection rejection) {
        return detail(service.reject(id, decider(), rejection));
    }

    @PostMapping("/{id}/retract")
    ReviewViews.Detail retract(@PathVariable String id, @Valid @RequestBody Decisions.Retraction retraction) {
        return detail(service.retract(id, Caller.current().name(), retraction));
    }

    @PostMapping("/{id}/request-changes")
    ReviewViews.Detail requestChanges(@PathVariable String id, @Valid @RequestBody Decisions.ChangeRequest request) {
        return detail(service.requestChanges(id, decider(), request));
    }

    @PostMapping("/{id}/send-back")
    ReviewViews.Detail sendBack(@PathVariable String id, @Valid @RequestBody Decisions.SendBack request) {
        return detail(service.sendBack(id, decider(), request));
    }

    @PostMapping("/{id}/important")
    ReviewViews.Detail markImportant(@PathVariable String id, @Valid @RequestBody Decisions.Importance request) {
        return detail(service.markImportant(id, Caller.current().name(), request));
    }

    /** Moves a scheduled publication (admins and leaders); an absent or past time publishes it now. */
    @PutMapping("/{id}/schedule")
    ReviewViews.Detail reschedule(@PathVariable String id, @Valid @RequestBody Decisions.Schedule request) {
        return detail(service.reschedule(id, Caller.current().name(), request));
    }

    /** Calls a scheduled publication off: the review waits in its last stage again. */
    @DeleteMapping("/{id}/schedule")
    ReviewViews.Detail cancelSchedule(@PathVariable String id) {
        return detail(service.cancelSchedule(id, Caller.current().name()));
    }

    private static Decider decider() {
        Caller caller = Caller.current();
        return new Decider(caller.name(), caller.roles());
    }

    private ReviewViews.Detail detail(Review review) {
        return ReviewViews.Detail.of(review, clock.instant());
    }
}
