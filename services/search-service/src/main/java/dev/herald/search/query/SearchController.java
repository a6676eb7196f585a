package dev.herald.search.query;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class SearchController {

    private final ArticleSearch service;
    private final Suggestions suggestions;
    private final SimilarArticles related;

    SearchController(ArticleSearch service, Suggestions suggestions, SimilarArticles related) {
        this.service = service;
        this.suggestions = suggestions;
        this.related = related;
    }

    @GetMapping("/api/search")
    SearchResults search(@RequestParam(required = false) String q,
                         @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String unit,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String sort,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "10") int size,
                         @RequestParam(required = false) String after) {
        return service.search(SearchRequest.of(q, channel, unit, from, to, sort, page, size, after));
    }

    @GetMapping("/api/search/suggest")
    List<Suggestions.Suggestion> suggest(@RequestParam(required = false) String prefix,
                                         @RequestParam(defaultValue = "8") int size) {
        return suggestions.complete(prefix, size);
    }

    @GetMapping("/api/articles/{id}/related")
    List<RelatedArticles.Related> related(@PathVariable String id, @RequestParam(defaultValue = "5") int size) {
        return related.to(id, size);
    }
}
