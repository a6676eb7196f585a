package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Finding;
import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What screening made of one case.
 *
 * @param sourceBody        the body of the clean report the case was made from, to see what cleaning kept of it
 * @param distanceToEarlier the SimHash distance to the closest report it republishes, if it republishes one
 */
record Outcome(EvaluationCase testCase, ScreeningResult result, String sourceBody, OptionalInt distanceToEarlier) {

    Verdict verdict() {
        return result.verdict();
    }

    boolean verdictAsExpected() {
        return testCase.verdictAsExpected(result.verdict());
    }

    Set<String> raised() {
        Set<String> kinds = new LinkedHashSet<>();
        result.findings().forEach(f -> kinds.add(f.kind().name()));
        return kinds;
    }

    boolean raised(String kind) {
        return raised().contains(kind);
    }

    Set<String> missing() {
        Set<String> missing = new LinkedHashSet<>(DetectorKinds.sorted(testCase.expectedKinds()));
        missing.removeAll(raised());
        return missing;
    }

    Set<String> unexpected() {
        Set<String> unexpected = new LinkedHashSet<>(raised());
        unexpected.removeAll(testCase.expectedKinds());
        return unexpected;
    }

    /** Lines of the source report that cleaning took out. */
    List<String> linesLost() {
        Set<String> kept = lines(cleaned());
        return lines(sourceBody).stream().filter(l -> !kept.contains(l)).toList();
    }

    /**
     * Lines cleaning left that the source report does not have: chrome it did not recognise. The title shown
     * above the report is not counted; metadata screening flags it, and it is the report's own.
     */
    List<String> linesLeft() {
        Set<String> original = lines(sourceBody);
        original.add(testCase.title().strip());
        return lines(cleaned()).stream().filter(l -> !original.contains(l)).toList();
    }

    private String cleaned() {
        return result.cleanedBody() != null ? result.cleanedBody() : testCase.body();
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new LinkedHashSet<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    List<Finding> findings() {
        return result.findings();
    }
}
