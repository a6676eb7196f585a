package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    static final int MAX_PAGE_SIZE = 100;

    private final ReviewService service;

    ReviewController(ReviewService service) {
        this.service = service;
    }

    @GetMapping
    ReviewViews.Queue queue(@RequestParam(defaultValue = "PENDING") ReviewStatus status,
                            @RequestParam(required = false) Verdict verdict,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Page<Review> found = service.queue(status, verdict, page, size);
        return new ReviewViews.Queue(status, found.getTotalElements(), page, size,
                found.getContent().stream().map(ReviewViews.Summary::of).toList());
    }

    @GetMapping("/{id}")
    ReviewViews.Detail get(@PathVariable String id) {
        return ReviewViews.Detail.of(service.get(id));
    }

    @PostMapping("/{id}/approve")
    ReviewViews.Detail approve(@PathVariable String id, @Valid @RequestBody Decisions.Approval approval) {
        return ReviewViews.Detail.of(service.approve(id, Caller.current().name(), approval));
    }

    @PostMapping("/{id}/reject")
    ReviewViews.Detail reject(@PathVariable String id, @Valid @RequestBody Decisions.Rejection rejection) {
        return ReviewViews.Detail.of(service.reject(id, Caller.current().name(), rejection));
    }
}
