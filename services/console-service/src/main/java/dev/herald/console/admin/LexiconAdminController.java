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

import java.util.List;
import java.util.Map;

/**
 * Screening's lexicon: the terms a finding is raised for, and the allow-list of terms that never raise one (a unit's
 * own name that contains a listed word, say), with its latest changes, who made them and when.
 */
@Controller
class LexiconAdminController {

    /** The lexicon's two lists, as moderation names them in its paths. */
    static final List<String> LISTS = List.of("terms", "allowed");

    private final PlatformApi api;
    private final Messages messages;

    LexiconAdminController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/admin/lexicon")
    String lexicon(Model model) {
        Admin.Lexicon lexicon = api.get(Service.MODERATION, uri -> uri.path("/api/screening/lexicon").build(), Admin.Lexicon.class);
        model.addAttribute("lexicon", lexicon);
        model.addAttribute("terms", lexicon.terms().stream().sorted().toList());
        model.addAttribute("allowed", lexicon.allowed().stream().sorted().toList());
        return "admin-lexicon";
    }

    @PostMapping("/admin/lexicon/{list}")
    String add(@PathVariable String list, @RequestParam(defaultValue = "") String term, RedirectAttributes flash) {
        String which = known(list);
        try {
            api.post(Service.MODERATION, uri -> uri.path("/api/screening/lexicon/" + which).build(), Map.of("term", term.strip()),
                    Admin.Lexicon.class);
            flash.addFlashAttribute("notice", messages.get("admin.lexicon.added." + which, term.strip()));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
            flash.addFlashAttribute("typed" + which, term);
        }
        return "redirect:/admin/lexicon";
    }

    @PostMapping("/admin/lexicon/{list}/remove")
    String remove(@PathVariable String list, @RequestParam(defaultValue = "") String term, RedirectAttributes flash) {
        String which = known(list);
        try {
            api.delete(Service.MODERATION, uri -> uri.path("/api/screening/lexicon/" + which + "/{term}").build(term));
            flash.addFlashAttribute("notice", messages.get("admin.lexicon.removed." + which, term));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/admin/lexicon";
    }

    /** Only the two lists moderation has reach its paths; anything else is the terms list, never a path of the caller's. */
    private static String known(String list) {
        return LISTS.contains(list) ? list : "terms";
    }
}
