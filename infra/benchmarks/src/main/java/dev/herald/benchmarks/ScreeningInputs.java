package dev.herald.benchmarks;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.herald.moderation.screening.Lexicon;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningRules;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One lexicon and one set of texts, and every engine under test built from the same two. */
@State(Scope.Benchmark)
public class ScreeningInputs {

    static final int REPORTS = 16;
    static final int LEXICON_SIZE = 10_000;
    private static final long LEXICON_SEED = 20261122L;
    private static final long TEXT_SEED = 5_000L;

    /** {@code 5KB}: 5,000 bytes of UTF-8 (about 1,700 characters); {@code 5000chars}: 5,000 characters. */
    @Param({"5KB", "5000chars"})
    public String size;

    Set<String> terms;
    Set<String> allowed;
    List<ReportTexts.Report> reports;
    LexiconPass herald;
    Screener screener;
    SensitiveWordBs sensitiveWord;
    SensitiveWordBs sensitiveWordHeraldFolding;

    @Setup(Level.Trial)
    public void setUp() {
        build(size);
    }

    ScreeningInputs build(String textSize) {
        texts(textSize);
        Lexicon lexicon = new Lexicon(terms, allowed);
        herald = new LexiconPass(lexicon);
        screener = new Screener(ScreeningRules.defaults(), Clock.systemUTC());
        screener.use(lexicon);
        sensitiveWord = SensitiveWordBaseline.libraryFolding(terms, allowed);
        sensitiveWordHeraldFolding = SensitiveWordBaseline.heraldFolding(terms, allowed);
        return this;
    }

    /** The lexicon and the texts alone, without building the engines. */
    ScreeningInputs texts(String textSize) {
        this.size = textSize;
        String corpus = ReportTexts.corpus();
        allowed = new LinkedHashSet<>(LexiconPass.starterAllowed());
        terms = SyntheticLexicon.generate(LEXICON_SIZE, LexiconPass.starterTerms(), corpus, LEXICON_SEED);
        reports = ReportTexts.build(corpus, REPORTS, parse(textSize), new ArrayList<>(terms), new ArrayList<>(allowed), TEXT_SEED);
        return this;
    }

    double meanUtf8Bytes() {
        return reports.stream().mapToInt(r -> r.body().getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }

    double meanChars() {
        return reports.stream().mapToInt(r -> r.body().length()).average().orElse(0);
    }

    static ReportTexts.Size parse(String size) {
        return switch (size) {
            case "5KB" -> ReportTexts.Size.KB5;
            case "5000chars" -> ReportTexts.Size.CHARS5000;
            default -> throw new IllegalArgumentException("size is 5KB or 5000chars, not " + size);
        };
    }
}
