package dev.herald.moderation.screening;

import dev.herald.text.CharNgramModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Scrambled reports: SEO spammers take a real report, splice fragments of its title into the middle of
 * its sentences and shuffle the sentences, so that it reads as broken Chinese. Read with a character
 * trigram model of clean report prose, adapted to the report at hand (a report keeps using its own
 * words), two things give such a report away:
 * <ul>
 *   <li>a title fragment that does not belong where it stands: the sentence reads many bits better with
 *       it taken out, far more than the fragment costs in the title itself;</li>
 *   <li>sentences whose perplexity is far above what clean prose shows.</li>
 * </ul>
 * One odd sentence is not a scrambled report (a clean report has a few), so the report is judged on
 * the share of its sentences that read wrong, and the worst of them are pointed at. Page chrome is left
 * out: menus and footers are not prose. All thresholds are the rule book's ({@link ScreeningRules.Scramble}) and
 * come from held-out clean reports (see {@code ScrambleCalibration} in the tests, which re-derives them).
 */
final class ScrambleDetector {

    /** One judged sentence: its span in the body, its bits per character and its worst title fragment, if any. */
    record Sentence(int start, int end, double meanBits, double splice, int fragmentStart, int fragmentEnd) {
    }

    private final CharNgramModel model;
    private final ScreeningRules.Scramble rules;

    ScrambleDetector(CharNgramModel model, ScreeningRules.Scramble rules) {
        this.model = model;
        this.rules = rules;
    }

    boolean spliced(Sentence s) {
        return s.splice() > rules.spliceBits();
    }

    boolean broken(Sentence s) {
        return s.meanBits() > rules.brokenBits();
    }

    private double strength(Sentence s) {
        return Math.max(s.splice() / rules.spliceBits(), s.meanBits() / rules.brokenBits());
    }

    /** As {@link #inspect(String, String, List)}, with the chrome the default chrome rules find in the body. */
    List<Finding> inspect(String title, String body) {
        return inspect(title, body, new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(body).findings());
    }

    /** The findings on a body, leaving out the page chrome already found in it. */
    List<Finding> inspect(String title, String body, List<Finding> chrome) {
        return findings(body, analyse(title, body, chrome));
    }

    List<Sentence> analyse(String title, String body, List<Finding> chrome) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        List<CharNgramModel.Span> prose = prose(body, chrome);
        // every part of the report is read against all the others, the title included: a title phrase
        // quoted in the lead is then as cheap there as the title is given the lead
        CharNgramModel.Cache cache = model.newCache(body.length());
        prose.forEach(span -> cache.add(body.substring(span.start(), span.end())));
        CharNgramModel.Surprisal titleRead = null;
        if (title != null && !title.isBlank()) {
            titleRead = model.surprisal(title, cache);
            cache.add(title);
        }
        List<Sentence> sentences = new ArrayList<>(prose.size());
        for (CharNgramModel.Span span : prose) {
            String text = body.substring(span.start(), span.end());
            cache.remove(text);
            CharNgramModel.Surprisal read = model.surprisal(text, cache);
            sentences.add(judge(span, read, titleRead));
            cache.add(text);
        }
        return sentences;
    }

    private List<CharNgramModel.Span> prose(String body, List<Finding> chrome) {
        List<CharNgramModel.Span> prose = new ArrayList<>();
        for (CharNgramModel.Span span : CharNgramModel.sentences(body)) {
            boolean inChrome = chrome.stream().anyMatch(f -> f.start() < span.end() && span.start() < f.end());
            if (!inChrome && han(body, span) >= rules.minHan()) {
                prose.add(span);
            }
        }
        return prose;
    }

    /** The sentence's perplexity, and the title fragment inside it that reads most as spliced in. */
    private static Sentence judge(CharNgramModel.Span span, CharNgramModel.Surprisal read, CharNgramModel.Surprisal title) {
        double worst = Double.NEGATIVE_INFINITY;
        int from = -1, to = -1;
        if (title != null) {
            String symbols = read.symbols();
            String titleSymbols = title.symbols();
            // a title phrase opening or closing a sentence is how leads and headings quote a title, not a splice
            for (int i = 1; i < symbols.length() - 1; ) {
                int[] match = longestTitleMatch(symbols, i, titleSymbols);
                int length = match[0];
                if (length < 2) {
                    i++;
                    continue;
                }
                double splice = read.bitsSavedWithout(i, i + length) - title.bits(match[1], match[1] + length);
                if (splice > worst) {
                    worst = splice;
                    from = read.start(i);
                    to = read.end(i + length - 1);
                }
                i += length;
            }
        }
        return new Sentence(span.start(), span.end(), read.meanBits(), worst,
                from < 0 ? -1 : span.start() + from, to < 0 ? -1 : span.start() + to);
    }

    /** Length and title position of the longest run of Han symbols at {@code at} that the title also has, short of the sentence's end. */
    private static int[] longestTitleMatch(String symbols, int at, String title) {
        int best = 0, where = -1;
        for (int p = title.indexOf(symbols.charAt(at)); p >= 0; p = title.indexOf(symbols.charAt(at), p + 1)) {
            int k = 0;
            while (at + k < symbols.length() - 1 && p + k < title.length() && symbols.charAt(at + k) == title.charAt(p + k)
                    && isHan(symbols.charAt(at + k))) {
                k++;
            }
            if (k > best) {
                best = k;
                where = p;
            }
        }
        return new int[]{best, where};
    }

    private List<Finding> findings(String body, List<Sentence> sentences) {
        List<Finding> findings = new ArrayList<>();
        List<Sentence> spliced = sentences.stream().filter(this::spliced).toList();
        List<Sentence> broken = sentences.stream().filter(this::broken).toList();
        boolean splicedReport = spliced.size() >= rules.minSentences() && spliced.size() >= rules.splicedShare() * sentences.size();
        boolean brokenReport = broken.size() >= rules.minSentences() && broken.size() >= rules.brokenShare() * sentences.size();
        if (splicedReport) {
            findings.add(overall(spliced, String.format(Locale.ROOT,
                    "title fragments spliced into %d of %d sentences (%.0f%%; clean reports stay under %.0f%%)",
                    spliced.size(), sentences.size(), 100.0 * spliced.size() / sentences.size(), 100 * rules.splicedShare())));
        }
        if (brokenReport) {
            findings.add(overall(broken, String.format(Locale.ROOT,
                    "%d of %d sentences read as broken Chinese (perplexity over %.0f; clean reports stay under %.0f%% such sentences)",
                    broken.size(), sentences.size(), Math.pow(2, rules.brokenBits()), 100 * rules.brokenShare())));
        }
        sentences.stream()
                .filter(s -> splicedReport && spliced(s) || brokenReport && broken(s) || s.splice() > rules.spliceBitsStrong())
                .sorted(Comparator.comparingDouble(this::strength).reversed().thenComparingInt(Sentence::start))
                .limit(rules.maxSentenceFindings())
                .forEach(s -> findings.add(sentence(body, s, splicedReport, brokenReport)));
        return findings;
    }

    private static Finding overall(List<Sentence> odd, String message) {
        return new Finding(Finding.Kind.SCRAMBLED, Finding.Severity.HIGH, message, "body",
                odd.getFirst().start(), odd.getLast().end());
    }

    /**
     * A sentence weighs more the surer it is and the more the rest of the report agrees: in a spliced
     * report a spliced sentence is MEDIUM, HIGH beyond every clean sentence; in a broken report a broken
     * sentence weighs what the rules say (LOW: real prose on other subjects reads broken to a model of
     * report prose far more often than spliced). Alone, a sentence beyond every clean sentence is still worth a moderator's look
     * (MEDIUM: SEO copies often splice too gently for the report-level share), any other only noted (LOW).
     */
    private Finding sentence(String body, Sentence s, boolean splicedReport, boolean brokenReport) {
        if (brokenReport && broken(s) && !(splicedReport && spliced(s))) {
            return new Finding(Finding.Kind.SCRAMBLED, rules.brokenSentence(), String.format(Locale.ROOT,
                    "sentence reads as broken Chinese: perplexity %.0f (clean sentences: under %.0f)",
                    Math.pow(2, s.meanBits()), Math.pow(2, rules.brokenBits())), "body", s.start(), s.end());
        }
        boolean strong = s.splice() > rules.spliceBitsStrong();
        Finding.Severity severity = !splicedReport ? (strong ? Finding.Severity.MEDIUM : Finding.Severity.LOW)
                : strong ? Finding.Severity.HIGH : Finding.Severity.MEDIUM;
        return new Finding(Finding.Kind.SCRAMBLED, severity, String.format(Locale.ROOT,
                "title fragment \"%s\" spliced into the sentence: it reads %.1f bits better without it (clean sentences: under %.0f)",
                body.substring(s.fragmentStart(), s.fragmentEnd()), s.splice(), rules.spliceBits()), "body", s.start(), s.end());
    }

    private static int han(String text, CharNgramModel.Span span) {
        int count = 0;
        for (int i = span.start(); i < span.end(); i++) {
            if (isHan(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static CharNgramModel train(List<CleanReports.Report> reports) {
        List<String> texts = new ArrayList<>();
        reports.forEach(r -> {
            texts.add(r.title());
            texts.add(r.body());
        });
        return CharNgramModel.train(texts);
    }

    /** The model of clean report prose, trained on first use; other detectors read with it too. */
    static CharNgramModel shippedModel() {
        return Shipped.MODEL;
    }

    /** Trained once, on first use, from the shipped clean reports. */
    private static final class Shipped {
        static final CharNgramModel MODEL = train(CleanReports.shipped());
    }
}
