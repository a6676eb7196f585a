package dev.herald.search.index;

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
    @PostMapping("/api/search/index/rebuild")
    ResponseEntity<IndexMaintenance.Status> rebuild() {
        return ResponseEntity.accepted().body(maintenance.rebuild());
    }
}
