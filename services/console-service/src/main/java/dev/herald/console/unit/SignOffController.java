package dev.herald.console.unit;

import dev.herald.console.platform.ApiProblem;
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

import java.util.Map;

/**
 * The unit's responsible person (UNIT_REVIEWER) signs off the unit's reports before they reach the platform, or
 * sends one back to its submitter with a message; moderation never sees a report sent back here.
 */
@Controller
class SignOffController {

    private final PlatformApi api;
    private final Messages messages;

    SignOffController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/sign-off")
    String waiting(@RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("list", api.get(Service.INGEST, uri -> uri.path("/api/reports").queryParam("status", "AWAITING_UNIT_SIGN_OFF")
                .queryParam("page", from).queryParam("size", 20).build(), Reports.Listed.class));
        return "sign-off";
    }

    @GetMapping("/sign-off/{id}")
    String report(@PathVariable String id, Model model) {
        model.addAttribute("report", read(id));
        return "sign-off-report";
    }

    @PostMapping("/sign-off/{id}/sign-off")
    String signOff(@PathVariable String id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return decide(id, "sign-off", Map.of(), "signoff.signed", "", model, flash, response);
    }

    @PostMapping("/sign-off/{id}/return")
    String sendBack(@PathVariable String id, @RequestParam(defaultValue = "") String message, Model model, RedirectAttributes flash,
                    HttpServletResponse response) {
        return decide(id, "request-changes", Map.of("message", message.strip()), "signoff.returned", message, model, flash, response);
    }

    private String decide(String id, String action, Map<String, Object> body, String done, String typed, Model model,
                          RedirectAttributes flash, HttpServletResponse response) {
        try {
            Reports.Report decided = api.post(Service.INGEST, uri -> uri.path("/api/reports/{id}/" + action).build(id), body, Map.of(),
                    Reports.Report.class);
            flash.addFlashAttribute("notice", messages.get(done, decided.title()));
            return "redirect:/sign-off";
        } catch (ApiProblem problem) {
            // a report signed off or sent back meanwhile is said as what happened, beside the report as it now stands
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            model.addAttribute("error", messages.of(problem));
            model.addAttribute("typedMessage", typed);
            model.addAttribute("report", read(id));
            return "sign-off-report";
        }
    }

    private Reports.Report read(String id) {
        return api.get(Service.INGEST, uri -> uri.path("/api/reports/{id}").build(id), Reports.Report.class);
    }
}
