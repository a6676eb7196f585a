package dev.herald.search.fulltext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final SearchService service;

    SearchController(SearchService service) {
        this.service = service;
    }

    @GetMapping("/api/search")
    SearchResults search(@RequestParam(required = false) String q,
                         @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String unit,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "10") int size) {
        return service.search(SearchRequest.of(q, channel, unit, page, size));
    }
}
