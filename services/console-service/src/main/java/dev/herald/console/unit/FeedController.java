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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit's feeds (RSS or Atom that ingest polls, drafting each new item) and their health: never polled, failing
 * (with why), quiet for long, or well. The unit registers one, polls it now, pauses, resumes or removes it.
 */
@Controller
class FeedController {

    private final PlatformApi api;
    private final Messages messages;

    FeedController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/unit/feeds")
    String feeds(Model model) {
        try {
            model.addAttribute("feeds", api.get(Service.INGEST, uri -> uri.path("/api/feeds").build(), Feeds.Listing.class).feeds());
        } catch (ApiProblem problem) {
            // registering still works when the list cannot be read
            model.addAttribute("error", messages.of(problem));
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Feeds.Typed("", ""));
        }
        return "feeds";
    }

    @PostMapping("/unit/feeds")
    String register(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String intervalMinutes,
                    Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("url", url.strip());
        if (intervalMinutes.strip().matches("\\d{1,6}")) {
            feed.put("intervalMinutes", Integer.parseInt(intervalMinutes.strip()));
        }
        try {
            api.post(Service.INGEST, uri -> uri.path("/api/feeds").build(), feed, Map.class);
            flash.addFlashAttribute("notice", messages.get("feeds.registered"));
            return "redirect:/unit/feeds";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            model.addAttribute("typed", new Feeds.Typed(url, intervalMinutes));
            String refused = messages.of(problem);
            String page = feeds(model);
            model.addAttribute("error", refused);
            return page;
        }
    }

    @PostMapping("/unit/feeds/{id}/poll")
    String poll(@PathVariable String id, RedirectAttributes flash) {
        try {
            Feeds.Polled polled = api.post(Service.INGEST, uri -> uri.path("/api/feeds/{id}/poll").build(id), null, Feeds.Polled.class);
            if ("OK".equals(polled.outcome())) {
                flash.addFlashAttribute("notice", messages.get("feeds.polled", polled.added(), polled.skipped(), polled.failed()));
            } else {
                flash.addFlashAttribute("error", messages.get("feeds.pollFailed", polled.error() == null ? "" : polled.error()));
            }
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/unit/feeds";
    }

    @PostMapping("/unit/feeds/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes flash) {
        return change(id, "PAUSED", "feeds.paused", flash);
    }

    @PostMapping("/unit/feeds/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes flash) {
        return change(id, "ACTIVE", "feeds.resumed", flash);
    }

    @PostMapping("/unit/feeds/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        try {
            api.delete(Service.INGEST, uri -> uri.path("/api/feeds/{id}").build(id));
            flash.addFlashAttribute("notice", messages.get("feeds.deleted"));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/unit/feeds";
    }

    private String change(String id, String status, String done, RedirectAttributes flash) {
        try {
            api.patch(Service.INGEST, uri -> uri.path("/api/feeds/{id}").build(id), Map.of("status", status), Map.class);
            flash.addFlashAttribute("notice", messages.get(done));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/unit/feeds";
    }
}
