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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit imports a page (pasted HTML, or a URL ingest fetches) into a draft, checks what ingest extracted and
 * where from, corrects it and submits it. Ingest's draft API does the work; the console only shows it.
 */
@Controller
class ImportController {

    /** The draft's fields a unit edits, in the order of the form. */
    static final List<String> EDITABLE = List.of("channel", "title", "subtitle", "author", "contributor", "originalPublishedAt",
            "sourceUrl", "body");

    /** Where the form's fields differ in name from ingest's extracted ones ({@code DraftService}'s keys). */
    private static final Map<String, String> EXTRACTED_AS = Map.of("originalPublishedAt", "originalDate");

    private final PlatformApi api;
    private final Messages messages;

    ImportController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/unit/import")
    String form(Model model) {
        model.addAttribute("page", new Page("", "", "", IdempotencyKeys.fresh()));
        besideTheForms(model);
        return "import";
    }

    @PostMapping("/unit/import")
    String importPage(@RequestParam(defaultValue = "") String html, @RequestParam(defaultValue = "") String url,
                      @RequestParam(defaultValue = "") String channel, @RequestParam(required = false) String key,
                      Model model, HttpServletResponse response) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (!html.isBlank()) request.put("html", html);
        if (!url.isBlank()) request.put("url", url.strip());
        return send(request, channel, key, model, response, new Page(html, url, channel, key), false);
    }

    private String send(Map<String, Object> request, String channel, String key, Model model, HttpServletResponse response,
                        Page typed, boolean fromFile) {
        // the form's key: a double click or a retried post makes one draft (ingest's Idempotency-Key)
        String idempotencyKey = IdempotencyKeys.of(key);
        if (!channel.isBlank()) request.put("channel", channel.strip());
        try {
            Drafts.Draft draft = api.post(Service.INGEST, uri -> uri.path("/api/reports/import").build(), request,
                    Map.of("Idempotency-Key", idempotencyKey), Drafts.Draft.class);
            return "redirect:/unit/drafts/" + draft.id();
        } catch (ApiProblem problem) {
            response.setStatus(status(problem));
            model.addAttribute("error", messages.of(problem));
            if (fromFile) {
                keepFileForm(model, idempotencyKey, channel);
            } else {
                model.addAttribute("page", new Page(typed.html(), typed.url(), typed.channel(), idempotencyKey));
            }
            besideTheForms(model);
            return "import";
        }
    }

    /** The file's form keeps its key and channel beside a refusal; the paste form gets a key of its own. */
    private static void keepFileForm(Model model, String key, String channel) {
        model.addAttribute("fileKey", key);
        model.addAttribute("fileChannel", channel);
        model.addAttribute("page", new Page("", "", "", IdempotencyKeys.fresh()));
    }

    /** A page saved as a file (.html, .htm or .txt): the same draft as pasting it, by its own form's key. */
    @PostMapping("/unit/import/file")
    String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String channel,
                      @RequestParam(required = false) String key, Model model, HttpServletResponse response) throws IOException {
        UploadedPage page = file == null || file.isEmpty() ? null : UploadedPage.of(file.getOriginalFilename(), file.getBytes());
        if (page == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.get("import.file.unreadable"));
            keepFileForm(model, IdempotencyKeys.of(key), channel);
            besideTheForms(model);
            return "import";
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(page.html() ? "html" : "text", page.content());
        return send(request, channel, key, model, response, null, true);
    }

    @GetMapping("/unit/drafts/{id}")
    String draft(@PathVariable String id, Model model) {
        show(model, fetch(id));
        return "draft";
    }

    /** Saves the unit's corrections and, when asked, submits the draft as a report: one press for "fix and send". */
    @PostMapping("/unit/drafts/{id}")
    String save(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash,
                HttpServletResponse response) {
        Map<String, Object> edit = new LinkedHashMap<>();
        // a browser sends a textarea's line breaks as CRLF; the body is stored with LF, as extraction made it
        EDITABLE.forEach(field -> edit.put(field, form.getOrDefault(field, "").replace("\r\n", "\n").strip()));
        String version = form.get("version");
        if (version != null && version.matches("\\d{1,18}")) {
            // the version the unit saw: a change made meanwhile elsewhere is a conflict, not overwritten
            edit.put("version", Long.parseLong(version));
        }
        boolean submit = "submit".equals(form.get("action"));
        try {
            api.patch(Service.INGEST, uri -> uri.path("/api/drafts/{id}").build(id), edit, Drafts.Draft.class);
            if (!submit) {
                flash.addFlashAttribute("notice", messages.get("draft.saved"));
                return "redirect:/unit/drafts/" + id;
            }
            Drafts.Submitted submitted = api.post(Service.INGEST, uri -> uri.path("/api/drafts/{id}/submit").build(id), null,
                    Drafts.Submitted.class);
            flash.addFlashAttribute("notice", messages.get("unit.submitted", submitted.reportId()));
            return "redirect:/unit/reports/" + submitted.reportId();
        } catch (ApiProblem problem) {
            response.setStatus(status(problem));
            model.addAttribute("error", messages.of(problem));
            model.addAttribute("fieldErrors", problem.errors());
            Drafts.Draft current = fetch(id);
            // what the unit typed stays in the form beside the refusal; the extraction is ingest's, as it stands
            show(model, current.with(new Drafts.Content(text(edit, "channel"), text(edit, "title"), text(edit, "subtitle"),
                    text(edit, "body"), text(edit, "author"), text(edit, "contributor"), text(edit, "sourceUrl"),
                    text(edit, "originalPublishedAt"))));
            return "draft";
        }
    }

    private Drafts.Draft fetch(String id) {
        return api.get(Service.INGEST, uri -> uri.path("/api/drafts/{id}").build(id), Drafts.Draft.class);
    }

    @SuppressWarnings("unchecked")
    private void show(Model model, Drafts.Draft draft) {
        model.addAttribute("draft", draft);
        model.addAttribute("warnings", DraftWarnings.inChinese(draft.warnings(), messages));
        model.addAttribute("fields", draft.extracted().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> Drafts.Shown.of(e.getKey(), e.getValue(), draft.lines()))
                .sorted(Comparator.comparingInt(Drafts.Shown::line)).toList());
        Drafts.Content c = draft.content();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("channel", c.channel());
        values.put("title", c.title());
        values.put("subtitle", c.subtitle());
        values.put("author", c.author());
        values.put("contributor", c.contributor());
        values.put("originalPublishedAt", c.originalPublishedAt());
        values.put("sourceUrl", c.sourceUrl());
        values.put("body", c.body());
        Map<String, Drafts.Shown> shown = new java.util.HashMap<>();
        ((List<Drafts.Shown>) model.getAttribute("fields")).forEach(f -> shown.put(f.key(), f));
        model.addAttribute("inputs", EDITABLE.stream().map(name -> new Input(name, values.get(name),
                shown.get(EXTRACTED_AS.getOrDefault(name, name)))).toList());
    }

    /** The unit's open drafts, and a key of its own for the file's form, so a paste and an upload are never one import. */
    private void besideTheForms(Model model) {
        if (!model.containsAttribute("fileKey")) {
            model.addAttribute("fileKey", IdempotencyKeys.fresh());
        }
        try {
            model.addAttribute("drafts", api.get(Service.INGEST, uri -> uri.path("/api/drafts").queryParam("status", "OPEN")
                    .queryParam("size", 20).build(), Drafts.Listing.class).drafts());
        } catch (ApiProblem problem) {
            // importing still works when the list cannot be read
            model.addAttribute("drafts", List.of());
        }
    }

    private static String text(Map<String, Object> edit, String field) {
        return (String) edit.get(field);
    }

    private static int status(ApiProblem problem) {
        return problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502;
    }

    /** A field of the form, with what extraction read for it (null when it read nothing), to show beside it. */
    record Input(String name, String value, Drafts.Shown extracted) {
    }

    /** The import form as typed, kept to show it again beside a refusal. */
    record Page(String html, String url, String channel, String key) {
    }
}
