package dev.herald.console.reader;

import dev.herald.console.platform.ConsoleProperties;
import dev.herald.console.platform.Highlighted;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;


/** Readers search published news and read it; no sign-in. */
@Controller
class ReaderController {

    private final PlatformApi api;
    private final int pageSize;

    ReaderController(PlatformApi api, ConsoleProperties properties) {
        this.api = api;
        this.pageSize = properties.pageSize();
    }

    @GetMapping({"/", "/search"})
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("channel", channel);
        model.addAttribute("unit", unit);
        boolean asked = q != null && !q.isBlank() || channel != null && !channel.isBlank() || unit != null && !unit.isBlank();
        if (asked) {
            int from = Math.max(0, Math.min(page, 1_000));
            SearchPage results = api.get(Service.SEARCH, uri -> uri.path("/api/search")
                    .queryParamIfPresent("q", present(q)).queryParamIfPresent("channel", present(channel))
                    .queryParamIfPresent("unit", present(unit)).queryParam("page", from).queryParam("size", pageSize)
                    .build(), SearchPage.class);
            model.addAttribute("results", results);
            model.addAttribute("hits", results.hits().stream().map(h -> new ShownHit(h.id(), Highlighted.html(h.title()),
                    h.channel(), h.unit(), h.publishedAt(), Highlighted.html(h.snippet()))).toList());
            model.addAttribute("channels", results.facet("channel"));
            model.addAttribute("units", results.facet("unit"));
        }
        return "search";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, Model model) {
        PublishedArticle article = api.get(Service.SEARCH, uri -> uri.path("/api/articles/{id}").build(id), PublishedArticle.class);
        model.addAttribute("article", article);
        model.addAttribute("paragraphs", article.paragraphs());
        return "article";
    }

    private static java.util.Optional<String> present(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
