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
import java.util.stream.Collectors;

/**
 * Search's dictionary (phrases kept whole, synonyms searched as one), replaced whole with the revision it was read
 * at, so two administrators never overwrite each other; and the index: its counts, a rebuild from the store and its
 * progress, which the page asks for again while it runs.
 */
@Controller
class SearchAdminController {

    private final PlatformApi api;
    private final Messages messages;

    SearchAdminController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/admin/search")
    String search(Model model) {
        Admin.Dictionary dictionary = api.get(Service.SEARCH, uri -> uri.path("/api/search/dictionary").build(), Admin.Dictionary.class);
        model.addAttribute("dictionary", dictionary);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Typed(String.join("\n", dictionary.phrases().stream().sorted().toList()),
                    dictionary.synonyms().stream().map(g -> String.join("，", g)).collect(Collectors.joining("\n")),
                    dictionary.revision() == null ? "" : dictionary.revision().toString()));
        }
        index(model);
        return "admin-search";
    }

    /** The index's counts alone, which the page asks for every few seconds while a rebuild runs. */
    @GetMapping("/admin/search/index")
    String indexFragment(Model model) {
        index(model);
        return "admin-search :: index";
    }

    @PostMapping("/admin/search/dictionary")
    String replace(@RequestParam(defaultValue = "") String phrases, @RequestParam(defaultValue = "") String synonyms,
                   @RequestParam(defaultValue = "") String revision, Model model, RedirectAttributes flash,
                   HttpServletResponse response) {
        Map<String, Object> dictionary = new LinkedHashMap<>();
        dictionary.put("phrases", Lists.split(phrases));
        dictionary.put("synonyms", Lists.groups(synonyms));
        if (revision.strip().matches("\\d{1,18}")) {
            dictionary.put("revision", Long.parseLong(revision.strip()));
        }
        try {
            api.put(Service.SEARCH, uri -> uri.path("/api/search/dictionary").build(), dictionary);
            flash.addFlashAttribute("notice", messages.get("admin.dictionary.saved"));
            return "redirect:/admin/search";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            // what the administrator typed stays, beside the refusal (a change made meanwhile: reload to see it)
            model.addAttribute("typed", new Typed(phrases, synonyms, revision));
            String message = messages.of(problem);
            String page = search(model);
            model.addAttribute("error", message);
            return page;
        }
    }

    @PostMapping("/admin/search/index/rebuild")
    String rebuild(RedirectAttributes flash) {
        try {
            api.post(Service.SEARCH, uri -> uri.path("/api/search/index/rebuild").build(), null, Admin.Index.class);
            flash.addFlashAttribute("notice", messages.get("admin.index.started"));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/admin/search";
    }

    /**
     * Search says why it last rebuilt in an English sentence of its own; the ones it writes today are shown in Chinese,
     * another as search wrote it.
     */
    static final Map<String, String> REBUILD_REASONS = Map.of(
            "requested by an administrator", "admin.index.reason.requested",
            "index was missing, unreadable or of an older schema", "admin.index.reason.missing",
            "the engine's index was empty", "admin.index.reason.empty");

    private void index(Model model) {
        Admin.Index index = api.get(Service.SEARCH, uri -> uri.path("/api/search/index").build(), Admin.Index.class);
        model.addAttribute("index", index);
        String reason = index.lastRebuild() == null || index.lastRebuild().reason() == null ? "" : index.lastRebuild().reason().strip();
        model.addAttribute("rebuildReason", REBUILD_REASONS.containsKey(reason) ? messages.get(REBUILD_REASONS.get(reason)) : reason);
    }

    record Typed(String phrases, String synonyms, String revision) {
    }
}
