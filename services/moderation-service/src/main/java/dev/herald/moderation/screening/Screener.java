package dev.herald.moderation.screening;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screens a submitted report: deterministic, fast, and versioned by policy and lexicon. The lexicon
 * is held in one reference so a new one replaces the old atomically while screening goes on.
 */
@Component
public class Screener {

    private final ScreeningPolicy policy;
    private final AtomicReference<Lexicon> lexicon;
    private final PromotionDetector promotion = new PromotionDetector();
    private final ChromeDetector chrome = new ChromeDetector();

    public Screener(ScreeningPolicy policy) {
        this.policy = policy;
        this.lexicon = new AtomicReference<>(new Lexicon(lines("screening/lexicon.txt"), lines("screening/allow.txt")));
    }

    public ScreeningResult screen(String title, String body) {
        Lexicon current = lexicon.get();
        List<Finding> findings = new ArrayList<>();
        findings.addAll(promotion.inspect("title", title, current));
        findings.addAll(promotion.inspect("body", body, current));
        ChromeDetector.Result chromeResult = chrome.inspect(body);
        findings.addAll(chromeResult.findings());
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::field).thenComparingInt(Finding::start));
        int score = findings.stream().mapToInt(f -> f.severity().weight()).sum();
        return new ScreeningResult(policy.verdict(score), score, List.copyOf(findings), policy.version(), current.version(),
                chromeResult.cleanedBody());
    }

    public Lexicon lexicon() {
        return lexicon.get();
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
