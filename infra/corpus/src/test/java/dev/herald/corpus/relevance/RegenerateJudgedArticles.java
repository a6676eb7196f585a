package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.RealReports;
import dev.herald.corpus.ReportGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the stored articles of the judged set that are not written by hand: the real reports and the 300
 * generated ones (seed {@value #SEED}). Run from infra/corpus, see the README. Regenerating changes what the
 * queries are judged against: every judgment over a generated article must then be read again.
 */
public final class RegenerateJudgedArticles {

    static final long SEED = 2026;
    static final int GENERATED = 300;

    private RegenerateJudgedArticles() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources" + JudgedSet.FOLDER);
        List<GeneratedReport> generated = new ReportGenerator(SEED).stream(GENERATED).toList();
        Files.writeString(folder.resolve("articles-real.jsonl"), ReportsJson.write(RealReports.all()), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("articles-generated.jsonl"), ReportsJson.write(generated), StandardCharsets.UTF_8);
        System.out.printf("wrote %d real and %d generated articles to %s%n", RealReports.all().size(), generated.size(), folder);
    }
}
