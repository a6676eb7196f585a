package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Judged articles as JSON lines: one {@link GeneratedReport} a line, so a diff shows each article changed. */
final class ReportsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportsJson() {
    }

    static List<GeneratedReport> read(String jsonLines) {
        return jsonLines.lines().filter(line -> !line.isBlank())
                .map(line -> JSON.readValue(line, GeneratedReport.class))
                .toList();
    }

    static String write(List<GeneratedReport> reports) {
        StringBuilder out = new StringBuilder();
        for (GeneratedReport report : reports) {
            out.append(JSON.writeValueAsString(report)).append('\n');
        }
        return out.toString();
    }
}
