package dev.herald.moderation.screening;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean reports shipped to train the scramble detector's model: a line {@code # title} starts a
 * report, the lines up to the next title are its body, lines starting with {@code //} are notes. Report prose
 * alone taught the model too little of other fields: real news read to it as broken Chinese.
 */
final class CleanReports {

    /** Report prose written for Herald, the corpus's three reports, then real news pages of every field. */
    static final String REAL_NEWS = "screening/real-text.txt";
    static final List<String> RESOURCES = List.of("screening/clean-text.txt", "screening/reports.txt", REAL_NEWS);

    record Report(String title, String body) {
    }

    private CleanReports() {
    }

    static List<Report> shipped() {
        List<Report> reports = new ArrayList<>();
        RESOURCES.forEach(resource -> reports.addAll(parse(read(resource))));
        return reports;
    }

    /** The reports of one shipped resource. */
    static List<Report> of(String resource) {
        return parse(read(resource));
    }

    static List<Report> parse(String text) {
        List<Report> reports = new ArrayList<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("//")) {
                continue;
            }
            if (line.startsWith("# ")) {
                if (title != null) {
                    reports.add(new Report(title, body.toString().strip()));
                }
                title = line.substring(2).strip();
                body.setLength(0);
            } else if (title != null) {
                body.append(line).append('\n');
            }
        }
        if (title != null) {
            reports.add(new Report(title, body.toString().strip()));
        }
        return reports;
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
