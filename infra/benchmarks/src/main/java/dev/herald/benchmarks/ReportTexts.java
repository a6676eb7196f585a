package dev.herald.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Report texts cut from the real corpus reports (page chrome and all, as units paste them), the same on
 * every run. Half are left as they are; the other half get lexicon terms written over the text, some
 * disguised the ways spammers do it, and some texts carry a phrase the allow-list excuses.
 */
final class ReportTexts {

    record Report(String title, String body, int injected) {
    }

    /** How long a text is: a byte budget in UTF-8, or a number of characters. */
    enum Size {
        KB5, CHARS5000;

        boolean full(StringBuilder text, int utf8Bytes) {
            return this == KB5 ? utf8Bytes >= 5_000 : text.length() >= 5_000;
        }
    }

    private static final List<String> FILES = List.of("report-chaoyang-health-system.txt",
            "report-guizhou-jiangjunshan-hospital.txt", "report-nanning-tcm-hospital.txt");
    private static final List<String> TITLES = List.of("党建引领凝心聚力,同舟共济抗疫情", "不忘初心 让抗疫精神在新时代绽放光芒",
            "如意先锋战疫情 党旗一线红");

    private ReportTexts() {
    }

    static String corpus() {
        StringBuilder all = new StringBuilder();
        for (String file : FILES) {
            try (InputStream in = ReportTexts.class.getResourceAsStream("/corpus/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("corpus report missing from the benchmark jar: " + file);
                }
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).append("\n\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    static List<Report> build(String corpus, int count, Size size, List<String> terms, List<String> allowed, long seed) {
        Random random = new Random(seed);
        List<Report> reports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = cut(corpus, size, random);
            int injected = 0;
            if (i % 2 == 1) {
                injected = 1 + random.nextInt(6);
                List<String> chosen = new ArrayList<>();
                for (int k = 0; k < injected; k++) {
                    chosen.add(disguise(terms.get(random.nextInt(terms.size())), random));
                }
                if (i % 4 == 3) {
                    chosen.add(allowed.get(random.nextInt(allowed.size())));
                }
                overwrite(body, chosen, random);
            }
            reports.add(new Report(TITLES.get(i % TITLES.size()), body.toString(), injected));
        }
        return reports;
    }

    /** From the start of a random line, on through the corpus (wrapping round) until the size is reached. */
    private static StringBuilder cut(String corpus, Size size, Random random) {
        int at = corpus.indexOf('\n', random.nextInt(corpus.length())) + 1;
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        while (true) {
            char c = corpus.charAt(at % corpus.length());
            int width = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            if (size == Size.KB5 && bytes + width > 5_000) {
                return text;
            }
            text.append(c);
            bytes += width;
            at++;
            if (size.full(text, bytes)) {
                return text;
            }
        }
    }

    /** One term to a segment, so that no injection overwrites another. */
    private static void overwrite(StringBuilder body, List<String> chosen, Random random) {
        int segment = body.length() / chosen.size();
        for (int k = 0; k < chosen.size(); k++) {
            String term = chosen.get(k);
            int at = k * segment + random.nextInt(Math.max(1, segment - term.length()));
            body.replace(at, at + term.length(), term);
        }
    }

    /** Plain most of the time; otherwise filler between characters, or full-width capitals. */
    private static String disguise(String term, Random random) {
        int roll = random.nextInt(8);
        if (roll == 0) {
            return String.join("*", term.split(""));
        }
        if (roll == 1) {
            return String.join(" ", term.split(""));
        }
        if (roll == 2) {
            StringBuilder wide = new StringBuilder();
            term.chars().forEach(c -> wide.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'Ａ') : (char) c));
            return wide.toString();
        }
        return term;
    }
}
