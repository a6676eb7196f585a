package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text file a case is kept in, made to be read in a review: one "key: value" line per label, a line
 * "---", then the body exactly as it is submitted.
 */
final class CaseFiles {

    private static final String SEPARATOR = "\n---\n";
    private static final String NONE = "none";

    private CaseFiles() {
    }

    static String format(EvaluationCase c) {
        return line("id", c.id()) + line("category", c.category().label())
                + line("expected-kinds", list(DetectorKinds.sorted(c.expectedKinds())))
                + line("expected-verdict", c.expectedVerdict().name()) + line("source", c.source())
                + line("earlier", list(c.earlier())) + line("note", c.note()) + line("title", c.title()) + line("unit", c.unit())
                + "channel: " + oneLine(c.channel()) + SEPARATOR + c.body() + "\n";
    }

    static EvaluationCase parse(String text) {
        int split = text.indexOf(SEPARATOR);
        if (split < 0) {
            throw new IllegalArgumentException("no \"---\" line between the labels and the body");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            labels.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        String body = text.substring(split + SEPARATOR.length());
        body = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
        return new EvaluationCase(required(labels, "id"), Category.of(required(labels, "category")),
                Set.copyOf(items(required(labels, "expected-kinds"))), Verdict.valueOf(required(labels, "expected-verdict")),
                required(labels, "source"), items(required(labels, "earlier")), labels.getOrDefault("note", ""),
                required(labels, "title"), required(labels, "unit"), required(labels, "channel"), body);
    }

    private static String line(String key, String value) {
        return key + ": " + oneLine(value) + "\n";
    }

    private static String oneLine(String value) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("a label must fit on one line: " + value);
        }
        return value;
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? NONE : String.join(" ", items);
    }

    private static List<String> items(String value) {
        return value.equals(NONE) ? List.of() : Arrays.stream(value.split("\\s+")).toList();
    }

    private static String required(Map<String, String> labels, String key) {
        String value = labels.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + key + "\" among " + labels.keySet().stream()
                    .collect(Collectors.joining(", ")));
        }
        return value;
    }
}
