package dev.herald.launcher;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three real reports of the corpus, turned into clean submissions: metadata from reports.json,
 * body cut out of the scraped page between two markers, leaving the site's chrome behind.
 */
public final class CorpusReports {

    record Spec(String file, String unit, String channel, String title, String subtitle, String author,
                String contributor, String originalPublishedAt, List<String> tags, String bodyFrom, String bodyThrough) {
    }

    private CorpusReports() {
    }

    /** Submissions as JSON-ready maps, in corpus order (Nanning, Chaoyang, Guizhou). */
    public static List<Map<String, Object>> submissions() {
        JsonMapper json = JsonMapper.builder().build();
        List<Spec> specs = List.of(json.readValue(read("reports.json"), Spec[].class));
        return specs.stream().map(CorpusReports::submission).toList();
    }

    /**
     * Registers (or re-registers) a unit allowed every channel of the corpus, so it may submit the corpus
     * reports: what the benchmark and the fault-injection suite submit under units of their own.
     */
    public static HttpJson.Response registerUnit(HttpJson asAdmin, String ingestUrl, String unit) {
        List<String> channels = submissions().stream().map(r -> (String) r.get("channel")).distinct().toList();
        return asAdmin.request("PUT", ingestUrl + "/api/units/" + HttpJson.encode(unit),
                JsonMapper.builder().build().writeValueAsString(Map.of("channels", channels)));
    }

    /** What a unit posts: the submission without its unit, which the unit's token names. */
    public static Map<String, Object> body(Map<String, Object> submission) {
        Map<String, Object> body = new LinkedHashMap<>(submission);
        body.remove("unit");
        return body;
    }

    private static Map<String, Object> submission(Spec spec) {
        String page = read(spec.file());
        int from = page.indexOf(spec.bodyFrom());
        int through = page.indexOf(spec.bodyThrough(), Math.max(from, 0));
        if (from < 0 || through < 0) {
            throw new IllegalStateException("body markers not found in " + spec.file());
        }
        String body = page.substring(from, through + spec.bodyThrough().length()).strip();
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("unit", spec.unit());
        submission.put("channel", spec.channel());
        submission.put("title", spec.title());
        if (spec.subtitle() != null) submission.put("subtitle", spec.subtitle());
        if (spec.author() != null) submission.put("author", spec.author());
        if (spec.contributor() != null) submission.put("contributor", spec.contributor());
        submission.put("originalPublishedAt", spec.originalPublishedAt());
        submission.put("tags", spec.tags());
        submission.put("body", body);
        return submission;
    }

    private static String read(String name) {
        try (InputStream in = CorpusReports.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
