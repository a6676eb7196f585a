package dev.herald.console.reader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * An article as search keeps it once published, with who reviewed and signed it off (审核, 签发) and the
 * corrections (更正) published since, which sites print under a report.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedArticle(String id, String unit, String channel, String title, String subtitle, String body,
                        String contributor, Instant publishedAt, List<String> tags, List<SignOff> signOffs,
                        List<Correction> corrections) {

    public PublishedArticle {
        signOffs = signOffs == null ? List.of() : signOffs;
        corrections = corrections == null ? List.of() : corrections;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignOff(String stage, String by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Correction(int version, Instant at, String note) {
    }

    /** The body's paragraphs, for one {@code <p>} each. */
    public List<String> paragraphs() {
        return body == null ? List.of() : body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
