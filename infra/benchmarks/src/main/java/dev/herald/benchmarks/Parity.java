package dev.herald.benchmarks;

import com.github.houbb.sensitive.word.api.IWordResult;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each engine finds in each benchmark text, so the speed figures compare engines doing the same
 * work. Herald reports every occurrence, overlaps included; sensitive-word takes the shortest term at a
 * position and carries on after it. Herald's hits are thinned the same way before spans are compared.
 */
public final class Parity {

    private static final int SHOWN = 12;

    private Parity() {
    }

    public static void main(String[] args) {
        for (String size : args.length > 0 ? args : new String[]{"5KB", "5000chars"}) {
            report(new ScreeningInputs().build(size));
        }
    }

    private static void report(ScreeningInputs in) {
        System.out.printf("%nParity, %s texts: %d reports, mean %.0f UTF-8 bytes / %.0f characters; lexicon %d terms, %d allowed%n",
                in.size, in.reports.size(), in.meanUtf8Bytes(), in.meanChars(), in.terms.size(), in.allowed.size());
        System.out.println("| text | chars | bytes | injected | herald, all | herald, non-overlapping | sensitive-word, herald folding | same spans | sensitive-word, its folding |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        int[] totals = new int[6];
        List<String> differences = new ArrayList<>();
        List<String> libraryDifferences = new ArrayList<>();
        for (int i = 0; i < in.reports.size(); i++) {
            String body = in.reports.get(i).body();
            List<LexiconPass.Hit> all = in.herald.find(body);
            Set<String> herald = nonOverlapping(all);
            Set<String> alike = spans(in.sensitiveWordHeraldFolding, body);
            Set<String> library = spans(in.sensitiveWord, body);
            Set<String> same = new LinkedHashSet<>(herald);
            same.retainAll(alike);
            int[] row = {in.reports.get(i).injected(), all.size(), herald.size(), alike.size(), same.size(), library.size()};
            for (int k = 0; k < row.length; k++) totals[k] += row[k];
            System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", i, body.length(),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, row[0], row[1], row[2], row[3], row[4], row[5]);
            note(differences, i, body, herald, alike, "herald only");
            note(differences, i, body, alike, herald, "sensitive-word (herald folding) only");
            note(libraryDifferences, i, body, herald, library, "herald only");
            note(libraryDifferences, i, body, library, herald, "sensitive-word (its folding) only");
        }
        System.out.printf("| all | | | %d | %d | %d | %d | %d | %d |%n", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]);
        System.out.println(differences.isEmpty() ? "Herald and sensitive-word (herald folding) find the same spans in every text."
                : differences.size() + " spans found by one and not the other, first " + Math.min(SHOWN, differences.size()) + ":");
        differences.stream().limit(SHOWN).forEach(System.out::println);
        System.out.println("With its own folding sensitive-word differs from herald on " + libraryDifferences.size() + " spans"
                + (libraryDifferences.isEmpty() ? "." : ", first " + Math.min(SHOWN, libraryDifferences.size()) + ":"));
        libraryDifferences.stream().limit(SHOWN).forEach(System.out::println);
    }

    /** Leftmost first, the shortest term at a position, nothing inside a span already taken. */
    private static Set<String> nonOverlapping(List<LexiconPass.Hit> hits) {
        List<LexiconPass.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(LexiconPass.Hit::start).thenComparingInt(LexiconPass.Hit::end));
        Set<String> taken = new LinkedHashSet<>();
        int free = 0;
        for (LexiconPass.Hit hit : sorted) {
            if (hit.start() >= free) {
                taken.add(hit.start() + "-" + hit.end());
                free = hit.end();
            }
        }
        return taken;
    }

    private static Set<String> spans(SensitiveWordBs engine, String body) {
        Set<String> spans = new LinkedHashSet<>();
        for (IWordResult r : engine.findAll(body, WordResultHandlers.raw())) {
            spans.add(r.startIndex() + "-" + r.endIndex());
        }
        return spans;
    }

    private static void note(List<String> differences, int text, String body, Set<String> found, Set<String> other, String who) {
        for (String span : found) {
            if (!other.contains(span)) {
                String[] ends = span.split("-");
                differences.add("  text " + text + " [" + span + "] \"" + body.substring(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]))
                        .replace("\n", "\\n") + "\": " + who);
            }
        }
    }
}
