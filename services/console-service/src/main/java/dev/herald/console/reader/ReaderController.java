package dev.herald.console.reader;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.ConsoleProperties;
import dev.herald.console.platform.Highlighted;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import dev.herald.console.platform.Unavailable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;


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
                  @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("channel", channel);
        model.addAttribute("unit", unit);
        model.addAttribute("from", present(from).orElse(null));
        model.addAttribute("to", present(to).orElse(null));
        model.addAttribute("sort", present(sort).orElse(null));
        // dates and order alone narrow nothing worth listing: they refine a search, they do not start one
        boolean asked = present(q).isPresent() || present(channel).isPresent() || present(unit).isPresent();
        if (asked) {
            int shown = Math.max(0, Math.min(page, 1_000));
            // search checks the dates and the order itself, and its refusal is shown naming the field
            SearchPage results = api.get(Service.SEARCH, uri -> uri.path("/api/search")
                    .queryParamIfPresent("q", present(q)).queryParamIfPresent("channel", present(channel))
                    .queryParamIfPresent("unit", present(unit)).queryParamIfPresent("from", present(from))
                    .queryParamIfPresent("to", present(to)).queryParamIfPresent("sort", present(sort))
                    .queryParam("page", shown).queryParam("size", pageSize)
                    .build(), SearchPage.class);
            model.addAttribute("results", results);
            model.addAttribute("hits", results.hits().stream().map(h -> new ShownHit(h.id(), Highlighted.html(h.title()),
                    h.channel(), h.unit(), h.publishedAt(), Highlighted.html(h.snippet()))).toList());
            model.addAttribute("channels", results.facet("channel"));
            model.addAttribute("units", results.facet("unit"));
        }
        return "search";
    }

    /**
     * Completions of what the reader has typed so far (Chinese, or pinyin: "nanning", "zy"), from search's
     * suggester, as the options of the search box's datalist. A suggestion that fails is no suggestion: the
     * reader is typing, and the search itself will say what is wrong.
     */
    @GetMapping("/search/suggest")
    String suggest(@RequestParam(defaultValue = "") String q, Model model) {
        String prefix = q.strip();
        List<Suggestion> suggestions = List.of();
        if (!prefix.isEmpty() && prefix.length() <= 50) {
            try {
                suggestions = List.of(api.get(Service.SEARCH, uri -> uri.path("/api/search/suggest").queryParam("prefix", prefix)
                        .queryParam("size", 8).build(), Suggestion[].class));
            } catch (ApiProblem | Unavailable ignored) {
                // nothing to offer this time; the next keystroke asks again
            }
        }
        model.addAttribute("suggestions", suggestions);
        return "search :: suggestions";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, Model model) {
        PublishedArticle article = api.get(Service.SEARCH, uri -> uri.path("/api/articles/{id}").build(id), PublishedArticle.class);
        model.addAttribute("article", article);
        model.addAttribute("paragraphs", article.paragraphs());
        model.addAttribute("related", related(id));
        return "article";
    }

    /** Articles like this one; when search cannot say, the article is shown without them. */
    private List<Related> related(String id) {
        try {
            return List.of(api.get(Service.SEARCH, uri -> uri.path("/api/articles/{id}/related").queryParam("size", 5).build(id),
                    Related[].class));
        } catch (ApiProblem | Unavailable ignored) {
            return List.of();
        }
    }

    /** An article like the one read, as search's related-articles answer gives it. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Related(String id, String title, String channel, String unit, java.time.Instant publishedAt) {
    }

    /** One completion: the text to search for, and what it is (a title, a unit...). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Suggestion(String text, String kind) {
    }

    private static java.util.Optional<String> present(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
