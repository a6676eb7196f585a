package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.NearDuplicates;
import dev.herald.moderation.screening.Screener;
import dev.herald.moderation.screening.ScreeningRules;
import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.text.SimHash;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Screens every case of the set as moderation would on arrival: the starter lexicon and the policy of the
 * service's application.yml. Each case is checked against earlier reports as moderation stores them (the
 * fingerprint of their screening): every clean report not made from the same source, so that near-duplicate
 * findings on unrelated reports count against the detector, plus the ones a republication names.
 */
public final class ScreeningEvaluation {

    /** Later than every report of the set, so none is dated in the future. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private ScreeningEvaluation() {
    }

    static Evaluation run() {
        return run(EvaluationSet.load(), new Screener(rules(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static Evaluation run(List<EvaluationCase> cases, Screener screener) {
        Map<String, EvaluationCase> byId = cases.stream().collect(Collectors.toMap(EvaluationCase::id, Function.identity()));
        Map<String, Long> stored = new LinkedHashMap<>();
        cases.stream().filter(c -> c.category() == Category.CLEAN)
                .forEach(c -> stored.put(c.id(), screener.screen(c.input(), NearDuplicates.NONE).fingerprint()));
        return new Evaluation(cases.stream().map(c -> {
            EvaluationCase source = known(byId, c.source(), c);
            Map<String, Long> earlier = new LinkedHashMap<>();
            stored.forEach((id, fingerprint) -> {
                if (!byId.get(id).source().equals(c.source())) {
                    earlier.put(id, fingerprint);
                }
            });
            c.earlier().forEach(id -> earlier.put(id, stored.computeIfAbsent(id,
                    k -> screener.screen(known(byId, k, c).input(), NearDuplicates.NONE).fingerprint())));
            // a clean variant is compared with itself: cleaning should take nothing out of it
            String original = c.category() == Category.CLEAN ? c.body() : source.body();
            ScreeningResult result = screener.screen(c.input(), nearestAmong(earlier));
            OptionalInt distance = c.earlier().stream().mapToInt(id -> SimHash.distance(result.fingerprint(), stored.get(id))).min();
            return new Outcome(c, result, original, distance);
        }).toList());
    }

    /** The rules moderation runs with, bound from its application.yml the way Spring Boot binds them. */
    public static ScreeningRules rules() {
        try {
            var yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("herald.screening.rules", ScreeningRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The closest within the near-duplicate distance; on a tie the lower id, where moderation takes the earlier one. */
    private static NearDuplicates nearestAmong(Map<String, Long> earlier) {
        return fingerprint -> earlier.entrySet().stream()
                .map(e -> new NearDuplicates.Match(e.getKey(), SimHash.distance(fingerprint, e.getValue())))
                .filter(m -> m.distance() <= NearDuplicates.MAX_DISTANCE)
                .min(Comparator.comparingInt(NearDuplicates.Match::distance).thenComparing(NearDuplicates.Match::reviewId));
    }

    private static EvaluationCase known(Map<String, EvaluationCase> byId, String id, EvaluationCase from) {
        EvaluationCase c = byId.get(id);
        if (c == null) {
            throw new IllegalStateException(from.id() + " names " + id + ", which is not in the set");
        }
        return c;
    }
}
