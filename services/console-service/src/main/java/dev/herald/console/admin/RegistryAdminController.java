package dev.herald.console.admin;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The units that contribute reports and the channels they report under, as ingest's registry keeps them. */
@Controller
class RegistryAdminController {

    private final PlatformApi api;
    private final Messages messages;

    RegistryAdminController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/admin/registry")
    String registry(Model model) {
        model.addAttribute("units", api.get(Service.INGEST, uri -> uri.path("/api/units").build(), Admin.Units.class).units());
        model.addAttribute("channels", api.get(Service.INGEST, uri -> uri.path("/api/channels").build(), Admin.Channels.class).channels());
        if (!model.containsAttribute("unitForm")) model.addAttribute("unitForm", new UnitForm("", "", "", "", false, false));
        if (!model.containsAttribute("channelForm")) model.addAttribute("channelForm", new ChannelForm("", "", ""));
        return "admin-registry";
    }

    /** Registers a unit, or replaces the one of that name: ingest's PUT without a version. */
    @PostMapping("/admin/units")
    String putUnit(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String aliases,
                   @RequestParam(defaultValue = "") String parent, @RequestParam(defaultValue = "") String channels,
                   @RequestParam(defaultValue = "false") boolean trusted, @RequestParam(defaultValue = "false") boolean unitSignOff,
                   Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("aliases", Lists.split(aliases));
        if (!parent.isBlank()) unit.put("parent", parent.strip());
        unit.put("channels", Lists.split(channels));
        unit.put("trusted", trusted);
        unit.put("unitSignOff", unitSignOff);
        try {
            api.put(Service.INGEST, uri -> uri.path("/api/units/{name}").build(name.strip()), unit);
            flash.addFlashAttribute("notice", messages.get("admin.units.saved", name.strip()));
            return "redirect:/admin/registry";
        } catch (ApiProblem problem) {
            model.addAttribute("unitForm", new UnitForm(name, aliases, parent, channels, trusted, unitSignOff));
            return refused(problem, model, response);
        }
    }

    @PostMapping("/admin/channels")
    String putChannel(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String position, Model model, RedirectAttributes flash,
                      HttpServletResponse response) {
        Map<String, Object> channel = new LinkedHashMap<>();
        if (!description.isBlank()) channel.put("description", description.strip());
        if (position.strip().matches("\\d{1,5}")) channel.put("position", Integer.parseInt(position.strip()));
        try {
            api.put(Service.INGEST, uri -> uri.path("/api/channels/{name}").build(name.strip()), channel);
            flash.addFlashAttribute("notice", messages.get("admin.channels.saved", name.strip()));
            return "redirect:/admin/registry";
        } catch (ApiProblem problem) {
            model.addAttribute("channelForm", new ChannelForm(name, description, position));
            return refused(problem, model, response);
        }
    }

    private String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
        String message = messages.of(problem);
        String page = registry(model);
        model.addAttribute("error", message);
        return page;
    }

    record UnitForm(String name, String aliases, String parent, String channels, boolean trusted, boolean unitSignOff) {
    }

    record ChannelForm(String name, String description, String position) {
    }
}
