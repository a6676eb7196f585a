package dev.herald.moderation.screening;

import dev.herald.text.CharNgramModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Where ScrambleDetector's thresholds come from: each shipped clean report is read by a model trained
 * on all the others (so it is as new to the model as a submitted report is), clean and scrambled.
 * The rules: a sentence is spliced above the 99th percentile of clean sentences' splice bits, surely
 * spliced above their maximum; it reads as broken above the 90th percentile of clean sentences' bits
 * per character; a report is spliced from a share of spliced sentences that at most 2% of clean reports reach, broken
 * from a share of broken sentences that at most 5% reach (with real news of every field among the clean reports,
 * some read broken to the model whatever the share).
 * Run {@link #main} to print the figures; ScrambleCalibrationTest checks the constants still follow.
 */
public final class ScrambleCalibration {

    record Figures(double[] cleanSplice, double[] cleanBits, double[] cleanSplicedShare, double[] cleanBrokenShare,
                   double[] scrambledSplice, double[] scrambledSplicedShare, double[] garbledBits, double[] garbledBrokenShare,
                   int[] cleanWeight, int[] scrambledWeight, int[] garbledWeight) {
    }

    private ScrambleCalibration() {
    }

    static Figures heldOut(long seed) {
        List<CleanReports.Report> reports = CleanReports.shipped();
        List<Double> cleanSplice = new ArrayList<>(), cleanBits = new ArrayList<>(), cleanSplicedShare = new ArrayList<>(),
                cleanBrokenShare = new ArrayList<>(), scrambledSplice = new ArrayList<>(), scrambledSplicedShare = new ArrayList<>(),
                garbledBits = new ArrayList<>(), garbledBrokenShare = new ArrayList<>();
        List<Integer> cleanWeight = new ArrayList<>(), scrambledWeight = new ArrayList<>(), garbledWeight = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            List<CleanReports.Report> others = new ArrayList<>(reports);
            CleanReports.Report report = others.remove(r);
            ScrambleDetector detector = new ScrambleDetector(ScrambleDetector.train(others), ScreeningRules.defaults().scramble());

            List<ScrambleDetector.Sentence> clean = detector.analyse(report.title(), report.body(), List.of());
            clean.stream().filter(s -> s.fragmentStart() >= 0).forEach(s -> cleanSplice.add(s.splice()));
            clean.forEach(s -> cleanBits.add(s.meanBits()));
            cleanSplicedShare.add(share(clean, detector::spliced));
            cleanBrokenShare.add(share(clean, detector::broken));
            cleanWeight.add(weight(detector.inspect(report.title(), report.body(), List.of())));

            Scrambler.Scrambled scrambled = Scrambler.scramble(report.title(), report.body(), seed + r);
            List<ScrambleDetector.Sentence> read = detector.analyse(report.title(), scrambled.text(), List.of());
            read.stream().filter(s -> scrambled.splices().stream().anyMatch(p -> p.start() == s.start()))
                    .forEach(s -> scrambledSplice.add(s.splice()));
            scrambledSplicedShare.add(share(read, detector::spliced));
            scrambledWeight.add(weight(detector.inspect(report.title(), scrambled.text(), List.of())));

            String garbled = garble(report.body(), seed + r);
            List<ScrambleDetector.Sentence> broken = detector.analyse(report.title(), garbled, List.of());
            broken.forEach(s -> garbledBits.add(s.meanBits()));
            garbledBrokenShare.add(share(broken, detector::broken));
            garbledWeight.add(weight(detector.inspect(report.title(), garbled, List.of())));
        }
        return new Figures(sorted(cleanSplice), sorted(cleanBits), sorted(cleanSplicedShare), sorted(cleanBrokenShare),
                sorted(scrambledSplice), sorted(scrambledSplicedShare), sorted(garbledBits), sorted(garbledBrokenShare),
                cleanWeight.stream().mapToInt(i -> i).toArray(), scrambledWeight.stream().mapToInt(i -> i).toArray(),
                garbledWeight.stream().mapToInt(i -> i).toArray());
    }

    /** Word salad: each sentence cut into two-character pieces put back in random order. */
    static String garble(String body, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (CharNgramModel.Span span : CharNgramModel.sentences(body)) {
            String sentence = body.substring(span.start(), span.end());
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < sentence.length(); i += 2) {
                pieces.add(sentence.substring(i, Math.min(sentence.length(), i + 2)));
            }
            Collections.shuffle(pieces, random);
            out.append(String.join("", pieces)).append('\n');
        }
        return out.toString();
    }

    static int weight(List<Finding> findings) {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.SCRAMBLED).mapToInt(f -> ScreeningRules.defaults().weight(f.severity())).sum();
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double share(List<ScrambleDetector.Sentence> sentences, java.util.function.Predicate<ScrambleDetector.Sentence> odd) {
        return sentences.isEmpty() ? 0 : sentences.stream().filter(odd).count() / (double) sentences.size();
    }

    private static double[] sorted(List<Double> values) {
        double[] array = values.stream().mapToDouble(d -> d).toArray();
        Arrays.sort(array);
        return array;
    }

    public static void main(String[] args) {
        Figures f = heldOut(20_240_601L);
        System.out.println(describe("clean sentence splice bits", f.cleanSplice()));
        System.out.println(describe("scrambled sentence splice bits", f.scrambledSplice()));
        System.out.println(describe("clean sentence bits/char", f.cleanBits()));
        System.out.println(describe("garbled sentence bits/char", f.garbledBits()));
        System.out.println(describe("clean report spliced share", f.cleanSplicedShare()));
        System.out.println(describe("scrambled report spliced share", f.scrambledSplicedShare()));
        System.out.println(describe("clean report broken share", f.cleanBrokenShare()));
        System.out.println(describe("garbled report broken share", f.garbledBrokenShare()));
        System.out.println("SCRAMBLED weight, clean reports:     " + Arrays.toString(f.cleanWeight()));
        System.out.println("SCRAMBLED weight, scrambled reports: " + Arrays.toString(f.scrambledWeight()));
        System.out.println("SCRAMBLED weight, garbled reports:   " + Arrays.toString(f.garbledWeight()));
        System.out.printf(Locale.ROOT, "rules: SPLICE_BITS ~ %.2f (p99.5), SPLICE_BITS_STRONG > %.2f (max), BROKEN_BITS ~ %.2f (p90);"
                        + " at the current thresholds SPLICED_SHARE >= %.2f (p98 of clean reports), BROKEN_SHARE >= %.2f (p95)%n",
                percentile(f.cleanSplice(), 0.995), max(f.cleanSplice()), percentile(f.cleanBits(), 0.90),
                percentile(f.cleanSplicedShare(), 0.98), percentile(f.cleanBrokenShare(), 0.95));
    }

    static double max(double[] sorted) {
        return sorted[sorted.length - 1];
    }

    private static String describe(String what, double[] v) {
        return String.format(Locale.ROOT, "%-32s n=%4d min=%6.2f p10=%6.2f p50=%6.2f p90=%6.2f p99=%6.2f p99.5=%6.2f max=%6.2f",
                what, v.length, v[0], percentile(v, 0.1), percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.99),
                percentile(v, 0.995), max(v));
    }
}
