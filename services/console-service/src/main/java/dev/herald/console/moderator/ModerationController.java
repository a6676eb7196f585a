package dev.herald.console.moderator;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.ConsoleProperties;
import dev.herald.console.platform.Formats;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import dev.herald.console.platform.Unavailable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
    static final List<String> STATUSES = List.of("PENDING", "SCHEDULED", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "RETRACTED");
    // moderation says who holds a claim in its problem's detail: "review … is claimed by NAME until INSTANT"
    private static final Pattern CLAIMED = Pattern.compile("claimed by (.+) until (\\S+)");
    // and who may not decide a second stage of one revision: "NAME decided STAGES of revision N of review … and may not decide STAGE too"
    private static final Pattern FOUR_EYES = Pattern.compile("(.+) decided (.+) of revision (\\d+) of review \\S+ and may not decide (.+) too");

    private final PlatformApi api;
    private final Messages messages;
    private final Formats formats;
    private final int pageSize;
    private final long renewEvery;
    private final ZoneId zone;

    ModerationController(PlatformApi api, Messages messages, Formats formats, ConsoleProperties properties) {
        this.api = api;
        this.messages = messages;
        this.formats = formats;
        this.pageSize = properties.pageSize();
        this.renewEvery = properties.claimRenewal().toSeconds();
        this.zone = properties.zone();
    }

    @GetMapping("/moderation")
    String queue(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) String verdict,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String stage, @RequestParam(defaultValue = "false") boolean decidable,
                 @RequestParam(defaultValue = "RISK") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", load(status, verdict, channel, unit, stage, decidable, sort, page));
        model.addAttribute("filters", Map.of("status", status, "verdict", orEmpty(verdict), "channel", orEmpty(channel),
                "unit", orEmpty(unit), "stage", orEmpty(stage), "decidable", decidable, "sort", sort));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("verdicts", VERDICTS);
        return "queue";
    }

    /** The queue's rows alone, for htmx to refresh in place so new reviews arrive without a reload. */
    @GetMapping("/moderation/rows")
    String rows(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) String verdict,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String stage, @RequestParam(defaultValue = "false") boolean decidable,
                @RequestParam(defaultValue = "RISK") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", load(status, verdict, channel, unit, stage, decidable, sort, page));
        model.addAttribute("filters", Map.of("status", status, "verdict", orEmpty(verdict), "channel", orEmpty(channel),
                "unit", orEmpty(unit), "stage", orEmpty(stage), "decidable", decidable, "sort", sort));
        return "queue :: rows";
    }

    private Reviews.Queue load(String status, String verdict, String channel, String unit, String stage, boolean decidable,
                               String sort, int page) {
        // "what I may decide" is moderation's to say (the caller's roles' stages, four eyes), not the console's
        return api.get(Service.MODERATION, uri -> uri.path("/api/reviews").queryParam("status", status)
                .queryParamIfPresent("verdict", present(verdict)).queryParamIfPresent("channel", present(channel))
                .queryParamIfPresent("unit", present(unit)).queryParamIfPresent("stage", present(stage))
                .queryParamIfPresent("decidable", decidable ? java.util.Optional.of(true) : java.util.Optional.empty())
                .queryParam("sort", sort)
                .queryParam("page", Math.max(0, page)).queryParam("size", pageSize).build(), Reviews.Queue.class);
    }

    @GetMapping("/moderation/reviews/{id}")
    String review(@PathVariable String id, Authentication who, Model model) {
        Reviews.Detail review = api.get(Service.MODERATION, uri -> uri.path("/api/reviews/{id}").build(id), Reviews.Detail.class);
        List<Reviews.Finding> findings = review.screening() == null ? List.of() : review.screening().findings();
        model.addAttribute("review", review);
        model.addAttribute("findings", findings);
        model.addAttribute("titlePieces", Spans.of(review.article().title(), "title", findings));
        model.addAttribute("bodyPieces", Spans.of(review.article().body(), "body", findings));
        model.addAttribute("reasons", REASONS);
        model.addAttribute("lease", lease(review, who.getName()));
        model.addAttribute("decided", review.decided());
        model.addAttribute("unitSignOff", unitSignOff(id));
        // moderation lets leaders and administrators move a scheduled publication; others are not offered the form
        model.addAttribute("mayReschedule", who.getAuthorities().stream()
                .anyMatch(a -> "ROLE_LEADER".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority())));
        model.addAttribute("titleSeen", Fingerprint.of(review.decided().title()));
        model.addAttribute("channelSeen", Fingerprint.of(review.decided().channel()));
        model.addAttribute("bodySeen", Fingerprint.of(review.decided().body()));
        String cleaned = review.screening() == null ? null : review.screening().cleanedBody();
        if (cleaned != null) {
            List<Reviews.Finding> chrome = findings.stream().filter(f -> "CHROME".equals(f.kind())).toList();
            model.addAttribute("cleanedBody", cleaned);
            model.addAttribute("chromePieces", Spans.of(review.article().body(), "body", chrome));
        }
        String earlier = review.screening() == null ? null : review.screening().duplicateOf();
        if (earlier != null && !earlier.isBlank()) {
            model.addAttribute("duplicate", duplicate(earlier, review.article()));
        }
        model.addAttribute("revisions", revisions(review));
        model.addAttribute("audit", review.audit().stream().map(this::shown).toList());
        return "review";
    }

    /**
     * The unit's own sign-off, which ingest keeps on the report. It only adds to the page: a unit that signs off
     * nothing, or ingest away for a moment, leaves it out rather than keeping the moderator from the review.
     */
    private Reviews.UnitReport unitSignOff(String id) {
        try {
            Reviews.UnitReport report = api.get(Service.INGEST, uri -> uri.path("/api/reports/{id}").build(id), Reviews.UnitReport.class);
            return report == null || report.signedOffBy() == null ? null : report;
        } catch (ApiProblem | Unavailable notShown) {
            return null;
        }
    }

    /**
     * Renews the person's claim while the review page is open (htmx asks every {@code claim-renewal}): moderation
     * renews a claim its holder takes again. Someone else's claim, or a review decided meanwhile, ends the renewal
     * and says what happened in place; a service failing or away for a moment does not end it.
     */
    @PostMapping("/moderation/reviews/{id}/lease")
    String renew(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication who,
                 Model model, RedirectAttributes flash) {
        if (htmx == null) {
            return decide(id, flash, "review.done.renewed", () -> post(id, "claim", Map.of()));
        }
        try {
            Reviews.Detail review = api.post(Service.MODERATION, uri -> uri.path("/api/reviews/{id}/claim").build(id), Map.of(),
                    Reviews.Detail.class);
            model.addAttribute("lease", lease(review, who.getName()));
        } catch (ApiProblem problem) {
            // a refusal stands until the page is read again; a service failing for a moment may answer next time
            model.addAttribute("lease", Lease.failed(id, explain(problem), problem.status() >= 500, renewEvery));
        } catch (Unavailable unavailable) {
            model.addAttribute("lease", Lease.failed(id, messages.of(unavailable), true, renewEvery));
        }
        return "review :: lease";
    }

    /**
     * Who holds the review and until when; the holder's own page renews it while the review waits for a decision.
     *
     * @param problem what went wrong renewing it, instead of the claim; {@code renewing} then says whether to try again
     */
    public record Lease(String review, String moderator, String until, boolean mine, boolean renewing, long every, String problem) {
        static Lease failed(String review, String problem, boolean retry, long every) {
            return new Lease(review, null, null, false, retry, every, problem);
        }
    }

    private Lease lease(Reviews.Detail review, String person) {
        Reviews.Claim claim = review.claim();
        if (claim == null) {
            return new Lease(review.id(), null, null, false, false, renewEvery, null);
        }
        boolean mine = claim.moderator() != null && claim.moderator().equals(person);
        return new Lease(review.id(), claim.moderator(), claim.expiresAt() == null ? "" : formats.time(claim.expiresAt()), mine,
                mine && "PENDING".equals(review.status()), renewEvery, null);
    }

    /**
     * The earlier report a near-duplicate finding points to, beside this one with the differences marked; one the
     * moderator may not read, or that is gone, is said in its place.
     */
    public record Duplicate(String id, Reviews.Detail earlier, Differences.Compared title, Differences.Compared body, String problem) {
    }

    private Duplicate duplicate(String earlierId, Reviews.Article article) {
        try {
            Reviews.Detail earlier = api.get(Service.MODERATION, uri -> uri.path("/api/reviews/{id}").build(earlierId), Reviews.Detail.class);
            return new Duplicate(earlierId, earlier, Differences.of(earlier.article().title(), article.title()),
                    Differences.of(earlier.article().body(), article.body()), null);
        } catch (ApiProblem problem) {
            return new Duplicate(earlierId, null, null, null, messages.of(problem));
        } catch (Unavailable unavailable) {
            return new Duplicate(earlierId, null, null, null, messages.of(unavailable));
        }
    }

    /** A revision sent back, with what the one after it (the current one, for the last) changed in its title and body. */
    public record ShownRevision(Reviews.PastRevision past, int next, Differences.Compared title, Differences.Compared body) {
    }

    private static List<ShownRevision> revisions(Reviews.Detail review) {
        List<Reviews.PastRevision> history = review.history();
        return java.util.stream.IntStream.range(0, history.size()).mapToObj(i -> {
            Reviews.PastRevision past = history.get(i);
            boolean last = i + 1 == history.size();
            Reviews.Article after = last ? review.article() : history.get(i + 1).article();
            int next = last ? (review.revision() == null ? 0 : review.revision()) : history.get(i + 1).revision();
            Reviews.Article before = past.article() == null ? new Reviews.Article(null, null, "", "", null) : past.article();
            after = after == null ? new Reviews.Article(null, null, "", "", null) : after;
            return new ShownRevision(past, next, Differences.of(before.title(), after.title()), Differences.of(before.body(), after.body()));
        }).toList();
    }

    /** An audit line as shown: moderation's action named in Chinese when the bundle knows it, else as moderation wrote it. */
    public record ShownAudit(String at, String actor, String action, Integer revision, String detail) {
    }

    private ShownAudit shown(Reviews.AuditEntry entry) {
        String key = "audit." + entry.action();
        String words = messages.get(key);
        return new ShownAudit(entry.at() == null ? "" : formats.time(entry.at()), entry.actor(),
                words.equals(key) ? entry.action() : words, entry.revision(), entry.detail());
    }

    @PostMapping("/moderation/reviews/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes flash) {
        return decide(id, flash, "review.done.claimed", () -> post(id, "claim", Map.of()));
    }

    /**
     * Approves, with the title and body as the moderator left them in the form, or with the body screening cleaned of
     * page chrome. Only a field the moderator changed is sent (the form carries a fingerprint of each as shown), so a
     * form sent back untouched is a plain approval and the audit trail names only real edits. A refused approval
     * keeps what was typed.
     */
    @PostMapping("/moderation/reviews/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String note, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String body, @RequestParam(required = false) String titleSeen,
                   @RequestParam(required = false) String bodySeen, @RequestParam(defaultValue = "false") boolean useCleanedBody,
                   @RequestParam(required = false) String channel, @RequestParam(required = false) String channelSeen,
                   @RequestParam(required = false) String publishAt, @RequestParam(defaultValue = "false") boolean confidentialityChecked,
                   RedirectAttributes flash) {
        Map<String, Object> approval = new LinkedHashMap<>();
        if (note != null && !note.isBlank()) {
            approval.put("note", note.strip());
        }
        if (confidentialityChecked) {
            approval.put("confidentialityChecked", true);
        }
        if (publishAt != null && !publishAt.isBlank()) {
            try {
                // the form's local time is the platform's, whatever the moderator's browser thinks
                approval.put("publishAt", LocalDateTime.parse(publishAt.strip()).atZone(zone).toOffsetDateTime().toString());
            } catch (DateTimeParseException e) {
                flash.addFlashAttribute("error", messages.get("review.publishAt.invalid", publishAt.strip()));
                keepTyped(flash, title, body == null ? null : body.replace("\r\n", "\n"), useCleanedBody, channel, publishAt);
                return "redirect:/moderation/reviews/{id}";
            }
        }
        // a browser sends a textarea's lines ended by CRLF; the article's end in LF
        String typedBody = body == null ? null : body.replace("\r\n", "\n");
        Map<String, Object> edits = new LinkedHashMap<>();
        if (title != null && !Fingerprint.of(title).equals(titleSeen)) {
            edits.put("title", title);
        }
        if (channel != null && !channel.isBlank() && !Fingerprint.of(channel.strip()).equals(channelSeen)) {
            edits.put("channel", channel.strip());
        }
        if (useCleanedBody) {
            edits.put("useCleanedBody", true);
        } else if (typedBody != null && !Fingerprint.of(typedBody).equals(bodySeen)) {
            edits.put("body", typedBody);
        }
        if (!edits.isEmpty()) {
            approval.put("edits", edits);
        }
        String outcome = decide(id, flash, "review.done.approved", () -> post(id, "approve", approval));
        if (flash.getFlashAttributes().containsKey("error")) {
            keepTyped(flash, title, typedBody, useCleanedBody, channel, publishAt);
        }
        return outcome;
    }

    private static void keepTyped(RedirectAttributes flash, String title, String body, boolean useCleanedBody, String channel,
                                  String publishAt) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("typedTitle", title);
        typed.put("typedBody", body);
        typed.put("typedCleaned", useCleanedBody);
        typed.put("typedChannel", channel);
        typed.put("typedPublishAt", publishAt);
        // a field the form did not send stays as the page shows it
        typed.forEach((name, value) -> {
            if (value != null) {
                flash.addFlashAttribute(name, value);
            }
        });
    }

    /** Moves a scheduled publication; an empty or past time publishes it now, as moderation has it. */
    @PostMapping("/moderation/reviews/{id}/schedule")
    String reschedule(@PathVariable String id, @RequestParam(required = false) String publishAt, RedirectAttributes flash) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        if (publishAt != null && !publishAt.isBlank()) {
            try {
                schedule.put("publishAt", LocalDateTime.parse(publishAt.strip()).atZone(zone).toOffsetDateTime().toString());
            } catch (DateTimeParseException e) {
                flash.addFlashAttribute("error", messages.get("review.publishAt.invalid", publishAt.strip()));
                return "redirect:/moderation/reviews/{id}";
            }
        }
        return decide(id, flash, "review.done.rescheduled", () -> {
            api.put(Service.MODERATION, uri -> uri.path("/api/reviews/{id}/schedule").build(id), schedule);
            return null;
        });
    }

    /** Cancels a scheduled publication: the review is back at its last stage, to be decided again. */
    @PostMapping("/moderation/reviews/{id}/schedule/cancel")
    String cancelSchedule(@PathVariable String id, RedirectAttributes flash) {
        return decide(id, flash, "review.done.unscheduled", () -> {
            api.delete(Service.MODERATION, uri -> uri.path("/api/reviews/{id}/schedule").build(id));
            return null;
        });
    }

    /** Back to an earlier stage of the same revision, whose people look at it again with the message. */
    @PostMapping("/moderation/reviews/{id}/send-back")
    String sendBack(@PathVariable String id, @RequestParam(defaultValue = "") String stage, @RequestParam(defaultValue = "") String message,
                    RedirectAttributes flash) {
        Map<String, Object> sendBack = new LinkedHashMap<>();
        sendBack.put("stage", stage.strip());
        sendBack.put("message", message.strip());
        return decide(id, flash, "review.done.sentBack", () -> post(id, "send-back", sendBack));
    }

    /** Important reports need the leader's sign-off: moderation adds the escalation stage. */
    @PostMapping("/moderation/reviews/{id}/important")
    String markImportant(@PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return decide(id, flash, "review.done.important", () -> post(id, "important", Map.of("reason", reason.strip())));
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

    /**
     * A claim held by someone else says by whom and until when, in the platform's zone; a four-eyes refusal says who
     * already decided which stage, and that another person must decide this one.
     */
    String explain(ApiProblem problem) {
        if (problem.status() == 409 && problem.detail() != null) {
            Matcher twice = FOUR_EYES.matcher(problem.detail());
            if (twice.find()) {
                return messages.get("problem.fourEyes", twice.group(1), twice.group(2), twice.group(3), twice.group(4));
            }
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
