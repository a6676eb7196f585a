package dev.herald.console.reader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What search answers, as far as the reader's pages use it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchPage(String query, long total, int page, int size, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    public SearchPage {
        hits = hits == null ? List.of() : hits;
        facets = facets == null ? Map.of() : facets;
    }

    public List<FacetCount> facet(String name) {
        return facets.getOrDefault(name, List.of());
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** {@code title} and {@code snippet} are search's HTML; pages show them through {@code Highlighted}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(String id, String title, String channel, String unit, Instant publishedAt, String snippet) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FacetCount(String value, long count) {
    }
}
