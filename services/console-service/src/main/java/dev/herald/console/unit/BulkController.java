package dev.herald.console.unit;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.IdempotencyKeys;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * A unit's bulk import: a ZIP of pages, or NDJSON of reports, uploaded to ingest, whose answer streams one result
 * per item for as long as the import runs. The console sends the file with the unit's token, takes the import's
 * address from the answer's first headers and sends the unit to its progress page; a virtual thread reads the rest
 * of the answer, so the upload goes on while the page shows the import's counts (ingest's, refreshed by htmx) and
 * the items it kept.
 */
@Controller
class BulkController {

    private static final Logger log = LoggerFactory.getLogger(BulkController.class);
    private static final int ITEMS_PAGE = 50;

    private final PlatformApi api;
    private final Messages messages;

    BulkController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/unit/bulk")
    String form(Model model) {
        model.addAttribute("key", IdempotencyKeys.fresh());
        return "bulk";
    }

    @PostMapping("/unit/bulk")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String channel,
                  @RequestParam(required = false) String key, Model model, HttpServletResponse response) throws IOException {
        // the form's key: the same file sent again (a retry after a broken upload) is the same import, not a second one
        String idempotencyKey = IdempotencyKeys.of(key);
        String type = file == null || file.isEmpty() ? null : typeOf(file.getOriginalFilename());
        if (type == null) {
            return refused(model, response, idempotencyKey, HttpServletResponse.SC_BAD_REQUEST, messages.get("bulk.file.unreadable"));
        }
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/api/reports/bulk");
        if (type.equals("application/zip") && !channel.isBlank()) {
            path.queryParam("channel", channel.strip());
        }
        try {
            PlatformApi.Streamed answer = api.upload(Service.INGEST, URI.create(path.encode().toUriString()), type, file.getBytes(),
                    Map.of("Idempotency-Key", idempotencyKey));
            Thread.ofVirtual().name("bulk-upload").start(() -> drain(answer.body()));
            String id = answer.location() == null ? null : answer.location().replaceAll(".*/", "");
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
                return refused(model, response, idempotencyKey, HttpServletResponse.SC_BAD_GATEWAY, messages.get("bulk.noAddress"));
            }
            return "redirect:/unit/bulk/" + id;
        } catch (ApiProblem problem) {
            return refused(model, response, idempotencyKey, problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502,
                    messages.of(problem));
        }
    }

    @GetMapping("/unit/bulk/{id}")
    String progress(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        show(id, page, model);
        return "bulk-import";
    }

    /** The progress alone, which the page asks for every few seconds while the import runs. */
    @GetMapping("/unit/bulk/{id}/progress")
    String progressRows(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        show(id, page, model);
        return "bulk-import :: progress";
    }

    private void show(String id, int page, Model model) {
        int from = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("job", api.get(Service.INGEST, uri -> uri.path("/api/reports/bulk/{id}").build(id), Bulk.Import.class));
        try {
            model.addAttribute("items", api.get(Service.INGEST, uri -> uri.path("/api/reports/bulk/{id}/items")
                    .queryParam("page", from).queryParam("size", ITEMS_PAGE).build(id), Bulk.Items.class));
        } catch (ApiProblem problem) {
            // the counts are still worth showing when the items cannot be read
            model.addAttribute("error", messages.of(problem));
        }
    }

    private String refused(Model model, HttpServletResponse response, String key, int status, String message) {
        response.setStatus(status);
        model.addAttribute("error", message);
        model.addAttribute("key", key);
        return "bulk";
    }

    /** ingest's media type for the file, by its name's ending; null for a file it does not take. */
    static String typeOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") ? "application/zip"
                : name.endsWith(".ndjson") || name.endsWith(".jsonl") ? "application/x-ndjson" : null;
    }

    /**
     * Reads the import's answer to its end: ingest works through the file as it is sent and answers as it goes, so the
     * answer must be read for the upload to go on. The results themselves are ingest's to keep (its counts and items).
     */
    private static void drain(InputStream answer) {
        try (answer) {
            answer.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            log.warn("bulk import answer broke off: {}", e.toString());
        }
    }
}
