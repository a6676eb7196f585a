package dev.herald.console.admin;

import dev.herald.console.platform.ApiProblem;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;

/**
 * The events each service's consumers gave up on (its dead letters), by service, topic and status: why each failed,
 * what it carried, and replay (the service hands it to its consumer again) or discard (kept, marked given up).
 */
@Controller
class DeadLetterAdminController {

    static final List<String> STATUSES = List.of("PENDING", "FAILING", "REPLAYED", "DISCARDED");
    private static final String TOPIC = "[A-Za-z0-9._-]{1,249}";
    private static final int PAGE = 20;

    private final PlatformApi api;
    private final Messages messages;

    DeadLetterAdminController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/admin/dead-letters")
    String list(@RequestParam(defaultValue = "ingest") String service, @RequestParam(defaultValue = "") String topic,
                @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Service of = service(service);
        String wantedTopic = topic.strip().matches(TOPIC) ? topic.strip() : "";
        String wantedStatus = STATUSES.contains(status) ? status : "";
        int from = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("letters", api.get(of, uri -> {
            uri.path("/api/admin/dead-letters").queryParam("page", from).queryParam("size", PAGE);
            if (!wantedTopic.isEmpty()) uri.queryParam("topic", wantedTopic);
            if (!wantedStatus.isEmpty()) uri.queryParam("status", wantedStatus);
            return uri.build();
        }, Admin.DeadLetters.class));
        model.addAttribute("service", name(of));
        model.addAttribute("services", Service.values());
        model.addAttribute("topic", wantedTopic);
        model.addAttribute("status", wantedStatus);
        model.addAttribute("statuses", STATUSES);
        return "admin-dead-letters";
    }

    @GetMapping("/admin/dead-letters/{service}/{id}")
    String show(@PathVariable String service, @PathVariable String id, Model model) {
        Service of = service(service);
        model.addAttribute("letter", api.get(of, uri -> uri.path("/api/admin/dead-letters/{id}").build(id), Admin.DeadLetter.class));
        model.addAttribute("service", name(of));
        return "admin-dead-letter";
    }

    @PostMapping("/admin/dead-letters/{service}/{id}/replay")
    String replay(@PathVariable String service, @PathVariable String id, RedirectAttributes flash) {
        Service of = service(service);
        try {
            Admin.Replayed replayed = api.post(of, uri -> uri.path("/api/admin/dead-letters/{id}/replay").build(id), null, Admin.Replayed.class);
            String outcome = messages.get("admin.deadLetters.outcome." + replayed.outcome());
            if ("FAILING".equals(replayed.outcome()) || "BUSY".equals(replayed.outcome())) {
                flash.addFlashAttribute("error", replayed.reason() == null ? outcome : outcome + messages.get("problem.detail", replayed.reason()));
            } else {
                flash.addFlashAttribute("notice", outcome);
            }
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:" + letter(of, id);
    }

    /** Every open dead letter of the service, or of one of its topics, replayed in one go: what each came to, counted. */
    @PostMapping("/admin/dead-letters/replay")
    String replayAll(@RequestParam(defaultValue = "ingest") String service, @RequestParam(defaultValue = "") String topic,
                     RedirectAttributes flash) {
        Service of = service(service);
        String wantedTopic = topic.strip().matches(TOPIC) ? topic.strip() : "";
        try {
            Admin.ReplayReport report = api.post(of, uri -> {
                uri.path("/api/admin/dead-letters/replay");
                if (!wantedTopic.isEmpty()) uri.queryParam("topic", wantedTopic);
                return uri.build();
            }, null, Admin.ReplayReport.class);
            flash.addFlashAttribute(report.failing() > 0 || report.busy() > 0 ? "error" : "notice", messages.get("admin.deadLetters.replayedAll",
                    report.replayed(), report.alreadyReplayed(), report.failing(), report.busy()));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/dead-letters").queryParam("service", name(of))
                .queryParamIfPresent("topic", java.util.Optional.of(wantedTopic).filter(t -> !t.isEmpty())).encode().toUriString();
    }

    @PostMapping("/admin/dead-letters/{service}/{id}/discard")
    String discard(@PathVariable String service, @PathVariable String id, RedirectAttributes flash) {
        Service of = service(service);
        try {
            api.delete(of, uri -> uri.path("/api/admin/dead-letters/{id}").build(id));
            flash.addFlashAttribute("notice", messages.get("admin.deadLetters.discarded"));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:" + letter(of, id);
    }

    private static String letter(Service service, String id) {
        return UriComponentsBuilder.fromPath("/admin/dead-letters/{service}/{id}").buildAndExpand(name(service), id).encode().toUriString();
    }

    /** One of the four services by its name in the page's address; an unknown name is ingest, never a host of the caller's. */
    private static Service service(String name) {
        for (Service s : Service.values()) {
            if (name(s).equals(name)) {
                return s;
            }
        }
        return Service.INGEST;
    }

    static String name(Service service) {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
