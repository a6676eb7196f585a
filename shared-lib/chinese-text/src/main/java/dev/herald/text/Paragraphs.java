package dev.herald.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report body is paragraphs, one per line; section titles are paragraphs of their own. Titles are kept
 * as text rather than offsets so that an edit elsewhere in the body leaves them valid.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    /** The titles that are still whole paragraphs of the body, in their order, each once. */
    public static List<String> keepPresent(String body, List<String> titles) {
        if (body == null || titles == null || titles.isEmpty()) {
            return List.of();
        }
        Set<String> paragraphs = new LinkedHashSet<>();
        for (String line : body.split("\n")) {
            paragraphs.add(line.strip());
        }
        return titles.stream().filter(t -> t != null && !t.isBlank() && paragraphs.contains(t.strip()))
                .map(String::strip).distinct().toList();
    }
}
