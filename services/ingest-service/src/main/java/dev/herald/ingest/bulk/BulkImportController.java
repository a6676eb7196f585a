package dev.herald.ingest.bulk;

import dev.herald.ingest.importing.Extractors;
import dev.herald.ingest.registry.Registry;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

@RestController
@RequestMapping("/api/reports/bulk")
class BulkImportController {

    static final String NDJSON = "application/x-ndjson";
    static final String ZIP = "application/zip";
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final int MAX_PAGE_SIZE = 100;

    private final BulkImports imports;
    private final BulkImporter importer;
    private final BulkProperties properties;
    private final JsonMapper json;
    private final Registry registry;
    private final Extractors extractors;

    BulkImportController(BulkImports imports, BulkImporter importer, BulkProperties properties, JsonMapper json,
                         Registry registry, Extractors extractors) {
        this.registry = registry;
        this.extractors = extractors;
        this.imports = imports;
        this.importer = importer;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Imports one report per NDJSON line and answers as it goes: a 200 whose NDJSON body has one result
     * per item, then a summary. The job's address is in Location before the first result, so another
     * client can follow the progress. The Idempotency-Key is required: a long upload is the request most
     * likely to break off, and the key is what makes its retry the same job, answering DUPLICATE with the
     * same report ids for what the first attempt created instead of creating it again.
     */
    @PostMapping(consumes = NDJSON)
    void importNdjson(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        run(key, request, response, () -> new NdjsonItemSource(request.getInputStream(), json, (int) properties.maxLineBytes().toBytes()));
    }

    /**
     * Imports a ZIP of pages (.html, .htm, .txt), each extracted as an imported page is and submitted as
     * one report; {@code channel} is used for pages whose channel cannot be guessed. Results name each
     * page by its entry in the archive.
     */
    @PostMapping(consumes = ZIP)
    void importZip(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                   @RequestParam(required = false) String channel,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (channel != null && registry.channel(channel).isEmpty()) {
            throw new InvalidRequestException("channel", "'" + channel + "' is not a registered channel");
        }
        run(key, request, response, () -> new ZipPageSource(request.getInputStream(), extractors,
                properties.maxPageBytes().toBytes(), channel == null ? null : registry.channel(channel).get().name()));
    }

    private interface SourceOpener {
        BulkItemSource open() throws IOException;
    }

    private void run(String key, HttpServletRequest request, HttpServletResponse response, SourceOpener opener) throws IOException {
        if (key == null || key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException("Idempotency-Key", "is required for a bulk import, 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters, so that a retry does not import the file twice");
        }
        String registered = registry.required(Caller.current().unit()).name();
        BulkImport job = imports.start(registered, key);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/api/reports/bulk/" + job.id());
        try (var source = opener.open()) {
            importer.run(job, source, new NdjsonResultWriter(response.getOutputStream(), json));
        }
    }

    @GetMapping("/{id}")
    BulkImport get(@PathVariable String id) {
        return imports.get(id, ownUnitUnlessModerator());
    }

    /** The kept results (DUPLICATE and INVALID items), in line order. */
    @GetMapping("/{id}/items")
    BulkItemsPage items(@PathVariable String id, @RequestParam(required = false) BulkItemStatus status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status == BulkItemStatus.CREATED) {
            throw new InvalidRequestException("status", "created items are not kept: their report ids are in the import's answer");
        }
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be 0 to 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be 1 to " + MAX_PAGE_SIZE);
        }
        return imports.items(imports.get(id, ownUnitUnlessModerator()), status, page, size);
    }

    private String ownUnitUnlessModerator() {
        Caller caller = Caller.current();
        return caller.has("MODERATOR") || caller.has("ADMIN") ? null : caller.unit() == null ? "" : registry.registeredName(caller.unit());
    }
}
