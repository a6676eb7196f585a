package dev.herald.search.article;

import dev.herald.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleStore store;

    ArticleController(ArticleStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    Article get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("article", id));
    }
}
