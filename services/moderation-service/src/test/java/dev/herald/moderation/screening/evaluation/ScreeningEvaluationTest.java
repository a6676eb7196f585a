package dev.herald.moderation.screening.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled evaluation set, screened as moderation screens arrivals, against the targets. The
 * table is written to target/screening-evaluation.md ({@code ./herald evaluate} prints it).
 */
class ScreeningEvaluationTest {

    static final Path TABLE = Path.of("target", "screening-evaluation.md");

    private static Evaluation evaluation;

    @BeforeAll
    static void screenTheWholeSet() throws IOException {
        evaluation = ScreeningEvaluation.run();
        String table = EvaluationReport.markdown(evaluation);
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    @Test
    void theSetHasEightyCasesOrMoreOfEveryCategoryWithUniqueIds() {
        List<EvaluationCase> cases = evaluation.outcomes().stream().map(Outcome::testCase).toList();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(cases).extracting(EvaluationCase::id).doesNotHaveDuplicates();
        assertThat(cases).extracting(EvaluationCase::category).containsAll(Arrays.asList(Category.values()));
        assertThat(evaluation.of(Category.CLEAN)).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void theCleanReportsWrittenForTheSetAreReportSized() {
        assertThat(EvaluationSet.load(EvaluationSet.WRITTEN)).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(c -> assertThat(c.body().length()).as(c.id()).isBetween(600, 2000))
                .allSatisfy(c -> assertThat(c.category()).isEqualTo(Category.CLEAN));
    }

    @Test
    void theCommittedCasesAreWhatTheGeneratorMakes() {
        Map<String, String> committed = files(EvaluationSet.load(EvaluationSet.GENERATED));
        Map<String, String> generated = files(EvaluationSetGenerator.generate());

        assertThat(committed.keySet()).as("generated case files").isEqualTo(generated.keySet());
        assertThat(generated.keySet().stream().filter(id -> !generated.get(id).equals(committed.get(id))).toList())
                .as("cases that differ from what the generator makes (./herald evaluate --regenerate, then review the diff)")
                .isEmpty();
    }

    @Test
    void noCleanReportIsLikelySpam() {
        assertMet(Target.CLEAN_NEVER_SPAM);
    }

    @Test
    void reportsWithLexiconBrandsInjectedAreLikelySpam() {
        assertMet(Target.INJECTED_SPAM);
    }

    @Test
    void reportsWithUnlistedBrandsInjectedStillReachAModerator() {
        assertMet(Target.UNLISTED_ATTENTION);
    }

    /** Fails until the SCRAMBLED detector is in this build. */
    @Test
    void scrambledReportsAreCaught() {
        assertMet(Target.SCRAMBLED_CAUGHT);
    }

    private static Map<String, String> files(List<EvaluationCase> cases) {
        Map<String, String> files = new TreeMap<>();
        cases.forEach(c -> files.put(c.id(), CaseFiles.format(c)));
        return files;
    }

    private static void assertMet(Target target) {
        assertThat(target.achieved(evaluation))
                .as(target.description() + "; not so: " + target.failures(evaluation).stream()
                        .map(o -> o.testCase().id() + " " + o.verdict() + " " + o.raised()).collect(Collectors.joining(", ")))
                .isGreaterThanOrEqualTo(target.required());
    }
}
