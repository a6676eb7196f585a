package dev.herald.ingest.importing;

import dev.herald.ingest.draft.Draft;
import dev.herald.ingest.draft.DraftView;
import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class ImportController {

    private final PageImporter importer;

    ImportController(PageImporter importer) {
        this.importer = importer;
    }

    /** One page into a draft of the caller's unit, to be checked and edited before it is submitted. */
    @ApiResponse(responseCode = "201", description = "A draft holding what was read from the page; Location is the draft", useReturnTypeSchema = true)
    @PostMapping("/api/reports/import")
    ResponseEntity<DraftView> importPage(@Valid @RequestBody ImportRequest request,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
        Draft draft = importer.importPage(Caller.current().unit(), request, key);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/drafts/{id}").buildAndExpand(draft.id()).toUri();
        return ResponseEntity.created(location).body(DraftView.of(draft));
    }
}
