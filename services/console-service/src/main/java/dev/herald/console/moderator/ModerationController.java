package dev.herald.console.moderator;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.ConsoleProperties;
import dev.herald.console.platform.Formats;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moderator's desk: the queue, riskiest first unless asked otherwise, and one review with its findings
 * marked in the body. Every decision is moderation's: a refusal (someone else's claim, a decision already
 * made) comes back beside the review as a message.
 */
@Controller
class ModerationController {

    static final List<String> REASONS = List.of("SPAM", "PROMOTION", "DUPLICATE", "OFF_TOPIC", "INCOMPLETE", "POLICY", "OTHER");
    static final List<String> VERDICTS = List.of("CLEAN", "NEEDS_ATTENTION", "LIKELY_SPAM");
    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "RETRACTED");
    // moderation says who holds a claim in its problem's detail: "review … is claimed by NAME until INSTANT"
    private static final Pattern CLAIMED = Pattern.compile("claimed by (.+) until (\\S+)");

    private final PlatformApi api;
    private final Messages messages;
    private final Formats formats;
    private final int pageSize;

    ModerationController(PlatformApi api, Messages messages, Formats formats, ConsoleProperties properties) {
        this.api = api;
        this.messages = messages;
        this.formats = formats;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/moderation")
    String queue(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) String verdict,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String unit,
                 @RequestParam(defaultValue = "RISK") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", load(status, verdict, channel, unit, sort, page));
        model.addAttribute("filters", Map.of("status", status, "verdict", orEmpty(verdict), "channel", orEmpty(channel),
                "unit", orEmpty(unit), "sort", sort));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("verdicts", VERDICTS);
        return "queue";
    }

    /** The queue's rows alone, for htmx to refresh in place so new reviews arrive without a reload. */
    @GetMapping("/moderation/rows")
    String rows(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) String verdict,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String unit,
                @RequestParam(defaultValue = "RISK") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", load(status, verdict, channel, unit, sort, page));
        return "queue :: rows";
    }

    private Reviews.Queue load(String status, String verdict, String channel, String unit, String sort, int page) {
        return api.get(Service.MODERATION, uri -> uri.path("/api/reviews").queryParam("status", status)
                .queryParamIfPresent("verdict", present(verdict)).queryParamIfPresent("channel", present(channel))
                .queryParamIfPresent("unit", present(unit)).queryParam("sort", sort)
                .queryParam("page", Math.max(0, page)).queryParam("size", pageSize).build(), Reviews.Queue.class);
    }

    @GetMapping("/moderation/reviews/{id}")
    String review(@PathVariable String id, Model model) {
        Reviews.Detail review = api.get(Service.MODERATION, uri -> uri.path("/api/reviews/{id}").build(id), Reviews.Detail.class);
        List<Reviews.Finding> findings = review.screening() == null ? List.of() : review.screening().findings();
        model.addAttribute("review", review);
        model.addAttribute("findings", findings);
        model.addAttribute("titlePieces", Spans.of(review.article().title(), "title", findings));
        model.addAttribute("bodyPieces", Spans.of(review.article().body(), "body", findings));
        model.addAttribute("reasons", REASONS);
        return "review";
    }

    @PostMapping("/moderation/reviews/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes flash) {
        return decide(id, flash, "review.done.claimed", () -> post(id, "claim", Map.of()));
    }

    @PostMapping("/moderation/reviews/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return decide(id, flash, "review.done.approved", () -> post(id, "approve", note == null || note.isBlank()
                ? Map.of() : Map.of("note", note.strip())));
    }

    @PostMapping("/moderation/reviews/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(defaultValue = "OTHER") String reasonCode,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return decide(id, flash, "review.done.rejected", () -> post(id, "reject", Map.of("reasonCode", reasonCode, "reason", reason.strip())));
    }

    @PostMapping("/moderation/reviews/{id}/request-changes")
    String requestChanges(@PathVariable String id, @RequestParam(defaultValue = "") String message, RedirectAttributes flash) {
        return decide(id, flash, "review.done.changes", () -> post(id, "request-changes", Map.of("message", message.strip())));
    }

    private Object post(String id, String action, Map<String, ?> body) {
        return api.post(Service.MODERATION, uri -> uri.path("/api/reviews/{id}/" + action).build(id), body, Void.class);
    }

    /** Back to the review either way (post/redirect/get), with what happened or why it did not. */
    private String decide(String id, RedirectAttributes flash, String done, Supplier<Object> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", messages.get(done));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", explain(problem));
        }
        return "redirect:/moderation/reviews/{id}";
    }

    /** A claim held by someone else says by whom and until when, in the platform's zone. */
    String explain(ApiProblem problem) {
        if (problem.status() == 409 && problem.detail() != null) {
            Matcher held = CLAIMED.matcher(problem.detail());
            if (held.find()) {
                try {
                    return messages.get("problem.claimedBy", held.group(1), formats.time(Instant.parse(held.group(2))));
                } catch (DateTimeParseException e) {
                    return messages.get("problem.claimedBy", held.group(1), held.group(2));
                }
            }
        }
        return messages.of(problem);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
