package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field-level accuracy on the hand-labelled pages: the three corpus pages must come out entirely right, the
 * pages written in their styles at least 90% right. Writes the table to target/extraction-accuracy.md
 * ({@code ./herald extraction-eval} prints it).
 */
class ExtractionAccuracyTest {

    private static final Map<String, Function<Extraction, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", e -> value(e.title()));
        FIELDS.put("subtitle", e -> value(e.subtitle()));
        FIELDS.put("originalDate", e -> value(e.originalDate()));
        FIELDS.put("sourceSite", e -> value(e.sourceSite()));
        FIELDS.put("author", e -> value(e.author()));
        FIELDS.put("editor", e -> value(e.editor()));
        FIELDS.put("contributor", e -> value(e.contributor()));
        FIELDS.put("contributingUnit", e -> value(e.contributingUnit()));
        FIELDS.put("channel", e -> value(e.channel()));
        FIELDS.put("bodyFirst", e -> paragraphs(e).isEmpty() ? null : paragraphs(e).get(0));
        FIELDS.put("bodyLast", e -> paragraphs(e).isEmpty() ? null : paragraphs(e).get(paragraphs(e).size() - 1));
        FIELDS.put("sections", e -> e.sections().stream().map(Section::title).toList());
    }

    @Test
    void fieldsOfTheLabelledPages() throws Exception {
        PageExtractor extractor = new PageExtractor(LabelledPages.hints());
        Map<String, int[]> corpus = new LinkedHashMap<>(), rest = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        int pages = 0, restPages = 0;
        for (LabelledPages.Page page : LabelledPages.all()) {
            pages++;
            if (!page.corpus()) restPages++;
            Extraction e = extractor.extract(page.content(), page.format());
            for (var field : FIELDS.entrySet()) {
                boolean right = matches(field.getKey(), page.labels().get(field.getKey()), field.getValue().apply(e));
                int[] tally = (page.corpus() ? corpus : rest).computeIfAbsent(field.getKey(), k -> new int[2]);
                tally[1]++;
                if (right) tally[0]++;
                else mismatches.add("| " + page.name() + " | " + field.getKey() + " | " + cell(page.labels().get(field.getKey()))
                        + " | " + cell(field.getValue().apply(e)) + " |");
            }
        }
        String table = table(corpus, rest, mismatches, pages, restPages);
        Path out = Path.of("target/extraction-accuracy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        assertThat(pages - restPages).as("the three corpus pages are labelled").isEqualTo(3);
        assertThat(restPages).as("pages written in the corpus styles").isGreaterThanOrEqualTo(20);
        assertThat(mismatches.stream().filter(m -> LabelledPages.CORPUS.stream().anyMatch(m::contains)).toList())
                .as("every field right on the corpus pages\n" + table).isEmpty();
        assertThat(accuracy(rest)).as("field accuracy on the other pages\n" + table).isGreaterThanOrEqualTo(0.9);
    }

    private static boolean matches(String field, JsonNode expected, Object actual) {
        if (field.equals("sections")) {
            List<String> want = new ArrayList<>();
            if (expected != null) expected.forEach(n -> want.add(n.asString()));
            return want.equals(actual);
        }
        String want = expected == null || expected.isNull() ? null : expected.asString();
        if (want == null || actual == null) return want == actual;
        return switch (field) {
            case "bodyFirst" -> ((String) actual).startsWith(want);
            case "bodyLast" -> ((String) actual).endsWith(want);
            default -> Objects.equals(want, actual);
        };
    }

    private static String table(Map<String, int[]> corpus, Map<String, int[]> rest, List<String> mismatches, int pages, int restPages) {
        StringBuilder md = new StringBuilder("## Extraction accuracy\n\n")
                .append(pages).append(" labelled pages: 3 corpus pages and ").append(restPages).append(" written in their styles.\n\n")
                .append("| field | corpus pages | accuracy | other pages | accuracy |\n| --- | --- | --- | --- | --- |\n");
        for (String f : FIELDS.keySet()) {
            int[] c = corpus.getOrDefault(f, new int[2]), r = rest.getOrDefault(f, new int[2]);
            md.append("| ").append(f).append(" | ").append(c[0]).append('/').append(c[1]).append(" | ").append(pct(c))
                    .append(" | ").append(r[0]).append('/').append(r[1]).append(" | ").append(pct(r)).append(" |\n");
        }
        md.append("| **all fields** | ").append(sum(corpus)[0]).append('/').append(sum(corpus)[1]).append(" | ")
                .append(pct(sum(corpus))).append(" | ").append(sum(rest)[0]).append('/').append(sum(rest)[1]).append(" | ")
                .append(pct(sum(rest))).append(" |\n\n");
        md.append(mismatches.isEmpty() ? "No mismatches.\n" : "| page | field | expected | extracted |\n| --- | --- | --- | --- |\n");
        mismatches.forEach(m -> md.append(m).append('\n'));
        return md.toString();
    }

    private static int[] sum(Map<String, int[]> tallies) {
        int[] s = new int[2];
        tallies.values().forEach(t -> { s[0] += t[0]; s[1] += t[1]; });
        return s;
    }

    private static double accuracy(Map<String, int[]> tallies) {
        int[] s = sum(tallies);
        return s[1] == 0 ? 0 : (double) s[0] / s[1];
    }

    private static String pct(int[] t) {
        return t[1] == 0 ? "-" : String.format("%.1f%%", 100.0 * t[0] / t[1]);
    }

    private static String cell(Object v) {
        String s = v == null || v instanceof JsonNode n && n.isNull() ? "(none)" : v instanceof JsonNode n && n.isString() ? n.asString() : String.valueOf(v);
        s = s.replace("|", "\\|").replace("\n", " ");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static Object value(ExtractedField f) {
        return f == null ? null : f.value();
    }

    static List<String> paragraphs(Extraction e) {
        return e.body().isEmpty() ? List.of() : List.of(e.body().split("\n"));
    }
}
