package dev.herald.corpus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The three real reports of the corpus (Nanning, Chaoyang, Guizhou) as units submitted them: the report text
 * cut out of the scraped pages, page chrome left behind, with the metadata the pages show (real/reports.tsv).
 * Ids are {@code corpus-nanning}, {@code corpus-chaoyang} and {@code corpus-guizhou}.
 */
public final class RealReports {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private RealReports() {
    }

    public static List<GeneratedReport> all() {
        return Resources.dataLines("real/reports.tsv").stream().map(RealReports::report).toList();
    }

    private static GeneratedReport report(String line) {
        String[] f = line.split("\t");
        String body = Resources.text("real/" + f[1]).strip();
        return new GeneratedReport(f[0], f[2], f[3], f[4], orNull(f[5]), body, orNull(f[6]), orNull(f[7]),
                Arrays.asList(f[9].split(",")), LocalDate.parse(f[8]).atStartOfDay(BEIJING).toInstant());
    }

    private static String orNull(String field) {
        return field.equals("-") ? null : field;
    }
}
