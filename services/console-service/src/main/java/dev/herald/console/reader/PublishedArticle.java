package dev.herald.console.reader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** An article as search keeps it once published. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedArticle(String id, String unit, String channel, String title, String subtitle, String body,
                        String contributor, Instant publishedAt, List<String> tags) {

    /** The body's paragraphs, for one {@code <p>} each. */
    public List<String> paragraphs() {
        return body == null ? List.of() : body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
