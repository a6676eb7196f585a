package dev.herald.search.index;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The index as administrators see it: its size against the store, and a rebuild on request. */
@RestController
class IndexController {

    private final IndexMaintenance maintenance;

    IndexController(IndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @GetMapping("/api/search/index")
    IndexMaintenance.Status index() {
        return maintenance.status();
    }

    /** Starts a rebuild from the store; searches go on against the current index meanwhile. */
    @ApiResponse(responseCode = "202", description = "A rebuild has started (or was already running); GET /api/search/index follows it", useReturnTypeSchema = true)
    @PostMapping("/api/search/index/rebuild")
    ResponseEntity<IndexMaintenance.Status> rebuild() {
        return ResponseEntity.accepted().body(maintenance.rebuild());
    }
}
