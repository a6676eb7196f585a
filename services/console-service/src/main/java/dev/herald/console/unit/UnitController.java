package dev.herald.console.unit;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.IdempotencyKeys;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit's desk: submit a report, follow it by its number, list its reports by status (ingest keeps them by
 * status, latest change first), and read what became of them (the unit's notices, from notification-service).
 */
@Controller
class UnitController {

    private final PlatformApi api;
    private final Messages messages;

    UnitController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/unit")
    String desk(Model model) {
        try {
            model.addAttribute("outcomes", api.get(Service.NOTIFICATION, uri -> uri.path("/api/units/me/notifications")
                    .queryParam("size", 20).build(), Reports.Outcomes.class));
        } catch (ApiProblem problem) {
            // the desk still offers submitting when the notices cannot be read
            model.addAttribute("error", messages.of(problem));
        }
        return "unit";
    }

    /** The statuses a unit's report passes through, in the order of the tabs. */
    static final java.util.List<String> STATUSES = java.util.List.of("AWAITING_UNIT_SIGN_OFF", "SUBMITTED", "CHANGES_REQUESTED",
            "PUBLISHED", "REJECTED", "RETRACTED");

    @GetMapping("/unit/reports")
    String mine(@RequestParam(defaultValue = "SUBMITTED") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        // an unknown status or page is answered with the default tab, not sent on for ingest to refuse
        String shown = STATUSES.contains(status) ? status : "SUBMITTED";
        int from = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", shown);
        model.addAttribute("list", api.get(Service.INGEST, uri -> uri.path("/api/reports").queryParam("status", shown)
                .queryParam("page", from).queryParam("size", 20).build(), Reports.Listed.class));
        return "unit-reports";
    }

    @GetMapping("/unit/reports/new")
    String form(Model model) {
        // one key per form shown: a double click or a retried post submits the report once (ingest's Idempotency-Key)
        model.addAttribute("draft", new Reports.Draft("", "", "", "", false, IdempotencyKeys.fresh()));
        return "submit";
    }

    @PostMapping("/unit/reports")
    String submit(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String contributor,
                  @RequestParam(defaultValue = "false") boolean important, @RequestParam(required = false) String key,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        String idempotencyKey = IdempotencyKeys.of(key);
        Map<String, Object> report = reportBody(channel, title, body, contributor, important);
        try {
            Reports.Receipt receipt = api.post(Service.INGEST, uri -> uri.path("/api/reports").build(), report,
                    Map.of("Idempotency-Key", idempotencyKey), Reports.Receipt.class);
            flash.addFlashAttribute("notice", messages.get("unit.submitted", receipt.id()));
            return "redirect:/unit/reports/" + receipt.id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            model.addAttribute("error", messages.of(problem));
            model.addAttribute("fieldErrors", problem.errors());
            model.addAttribute("draft", new Reports.Draft(channel, title, body, contributor, important, idempotencyKey));
            return "submit";
        }
    }

    @GetMapping("/unit/reports/{id}")
    String report(@PathVariable String id, Model model) {
        Reports.Report report = api.get(Service.INGEST, uri -> uri.path("/api/reports/{id}").build(id), Reports.Report.class);
        model.addAttribute("report", report);
        if ("CHANGES_REQUESTED".equals(report.status())) {
            // the answer to the moderator's request starts from the report as it stands
            model.addAttribute("draft", new Reports.Draft(report.channel(), report.title(), report.body(),
                    report.contributor() == null ? "" : report.contributor(), Boolean.TRUE.equals(report.important()),
                    IdempotencyKeys.fresh()));
        }
        return "report";
    }

    /** The unit's answer to a request for changes: the next revision, which goes back into the same review. */
    @PostMapping("/unit/reports/{id}/revisions")
    String revise(@PathVariable String id, @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String contributor,
                  @RequestParam(defaultValue = "false") boolean important, @RequestParam(required = false) String key,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        String idempotencyKey = IdempotencyKeys.of(key);
        try {
            Reports.Receipt receipt = api.post(Service.INGEST, uri -> uri.path("/api/reports/{id}/revisions").build(id),
                    reportBody(channel, title, body, contributor, important), Map.of("Idempotency-Key", idempotencyKey),
                    Reports.Receipt.class);
            flash.addFlashAttribute("notice", messages.get("unit.revised", receipt.revision() == null ? "" : receipt.revision()));
            return "redirect:/unit/reports/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            model.addAttribute("error", messages.of(problem));
            model.addAttribute("report", api.get(Service.INGEST, uri -> uri.path("/api/reports/{id}").build(id), Reports.Report.class));
            // what was typed, with the same key: sending it again is the same revision
            model.addAttribute("draft", new Reports.Draft(channel, title, body, contributor, important, idempotencyKey));
            return "report";
        }
    }

    private static Map<String, Object> reportBody(String channel, String title, String body, String contributor, boolean important) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("channel", channel.strip());
        report.put("title", title.strip());
        report.put("body", body.strip());
        if (!contributor.isBlank()) report.put("contributor", contributor.strip());
        if (important) report.put("important", true);
        return report;
    }

    @GetMapping("/unit/lookup")
    String lookup(@RequestParam(defaultValue = "") String id) {
        String clean = id.strip();
        return clean.matches("[A-Za-z0-9_-]{1,100}") ? "redirect:/unit/reports/" + clean : "redirect:/unit";
    }
}
