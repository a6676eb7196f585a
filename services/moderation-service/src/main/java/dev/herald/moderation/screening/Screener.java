package dev.herald.moderation.screening;

import dev.herald.text.SimHash;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screens a submitted report: deterministic, fast, and versioned by policy and lexicon. The lexicon
 * is held in one reference so a new one replaces the old atomically while screening goes on.
 */
@Component
public class Screener {

    private final ScreeningRules rules;
    private final String version;
    private final java.time.Clock clock;
    private final AtomicReference<Lexicon> lexicon;
    private final PromotionDetector promotion;
    private final ChromeDetector chrome;
    private final MetadataDetector metadata;
    private final ScrambleDetector scramble;
    private final ConfidentialityDetector confidentiality = new ConfidentialityDetector();
    private final RecurringNameDetector names;

    public Screener(ScreeningRules rules, java.time.Clock clock) {
        this.rules = rules;
        this.version = rules.version();
        this.clock = clock;
        this.promotion = new PromotionDetector(rules.promotion());
        this.chrome = new ChromeDetector(rules.chrome());
        this.metadata = new MetadataDetector(rules.metadata(), rules.channels());
        this.scramble = new ScrambleDetector(ScrambleDetector.shippedModel(), rules.scramble());
        this.names = new RecurringNameDetector(ScrambleDetector.shippedModel(), rules.names());
        this.lexicon = new AtomicReference<>(new Lexicon(lines("screening/lexicon.txt"), lines("screening/allow.txt")));
    }

    public ScreeningResult screen(String title, String body) {
        return screen(new ScreeningInput(title, null, body, null), NearDuplicates.NONE);
    }

    public ScreeningResult screen(ScreeningInput input, NearDuplicates earlier) {
        String title = input.title();
        String body = input.body();
        Lexicon current = lexicon.get();
        List<Finding> findings = new ArrayList<>();
        findings.addAll(promotion.inspect("title", title, current));
        List<Finding> inBody = promotion.inspect("body", body, current);
        findings.addAll(inBody);
        findings.addAll(names.inspect(input, inBody.stream().filter(f -> f.kind() == Finding.Kind.CONTACT).toList(), current));
        ChromeDetector.Result chromeResult = chrome.inspect(body);
        findings.addAll(chromeResult.findings());
        findings.addAll(scramble.inspect(title, body, chromeResult.findings()));
        findings.addAll(metadata.inspect(input, chromeResult.cleanedBody(), clock.instant()));
        findings.addAll(confidentiality.inspect(input));
        String content = chromeResult.cleanedBody() != null ? chromeResult.cleanedBody() : body;
        long fingerprint = content == null || content.isBlank() ? 0 : SimHash.fingerprint(content);
        Optional<NearDuplicates.Match> duplicate = fingerprint == 0 ? Optional.empty()
                : earlier.nearest(fingerprint).filter(d -> d.distance() <= rules.nearDuplicates().maxDistance());
        duplicate.ifPresent(d -> findings.add(new Finding(Finding.Kind.DUPLICATE, rules.nearDuplicates().severity(),
                "near-duplicate of " + d.reviewId() + " (SimHash distance " + d.distance() + ")", "body", 0,
                body == null ? 0 : body.length())));
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::field).thenComparingInt(Finding::start));
        int score = rules.score(findings);
        Verdict verdict = rules.verdict(score);
        // a classification marking adds nothing to the spam score, yet a moderator must look before anything else
        if (verdict == Verdict.CLEAN && findings.stream().anyMatch(f -> f.kind() == Finding.Kind.CONFIDENTIAL)) {
            verdict = Verdict.NEEDS_ATTENTION;
        }
        return new ScreeningResult(verdict, score, List.copyOf(findings), version, current.version(),
                chromeResult.cleanedBody(), fingerprint, duplicate.map(NearDuplicates.Match::reviewId).orElse(null));
    }

    /** The version of the rules this screener applies, recorded on every result. */
    public String version() {
        return version;
    }

    public Lexicon lexicon() {
        return lexicon.get();
    }

    /** Swaps in a new lexicon whole: a screening in progress finishes with the one it started with. */
    public void use(Lexicon replacement) {
        lexicon.set(replacement);
    }

    /** The starter lexicon shipped with the service. */
    public static Set<String> starterTerms() {
        return lines("screening/lexicon.txt");
    }

    /** The allow-list shipped with the service. */
    public static Set<String> starterAllowed() {
        return lines("screening/allow.txt");
    }

    private static Set<String> lines(String resource) {
        try {
            String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            Set<String> entries = new LinkedHashSet<>();
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
