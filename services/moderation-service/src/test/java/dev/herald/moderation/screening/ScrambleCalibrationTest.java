package dev.herald.moderation.screening;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The detector's thresholds must still follow from the shipped clean reports by the rules in
 * {@link ScrambleCalibration}: editing the training text or the model shows up here, not in production.
 */
class ScrambleCalibrationTest {

    private static final ScreeningRules.Scramble RULES = ScreeningRules.defaults().scramble();
    private static ScrambleCalibration.Figures figures;

    @BeforeAll
    static void calibrate() {
        figures = ScrambleCalibration.heldOut(20_240_601L);
    }

    @Test
    void sentenceThresholdsSitWhereTheRulesPutThem() {
        assertThat(RULES.spliceBits()).isCloseTo(ScrambleCalibration.percentile(figures.cleanSplice(), 0.99), within(0.5));
        assertThat(RULES.spliceBitsStrong()).isGreaterThan(ScrambleCalibration.max(figures.cleanSplice()))
                .isLessThanOrEqualTo(ScrambleCalibration.max(figures.cleanSplice()) + 1);
        assertThat(RULES.brokenBits()).isCloseTo(ScrambleCalibration.percentile(figures.cleanBits(), 0.90), within(0.5));
    }

    /**
     * With real news of every field among the held-out reports (screening/real-text.txt), no share leaves every clean
     * report below it, as it did when they were all report prose: a few read broken (a page's leftovers, a poem,
     * Taiwanese copy) or repeat their title. So the shares are set where few clean reports reach them, and what one
     * that does weighs stays short of likely spam.
     */
    @Test
    void reportThresholdsAreReachedByFewHeldOutCleanReportsAndNoneIsLikelySpamOnScramblingAlone() {
        assertThat(reaching(figures.cleanSplicedShare(), RULES.splicedShare())).as("clean reports at the spliced share")
                .isLessThanOrEqualTo(0.02);
        assertThat(reaching(figures.cleanBrokenShare(), RULES.brokenShare())).as("clean reports at the broken share")
                .isLessThanOrEqualTo(0.05);
        assertThat(Arrays.stream(figures.cleanWeight()).max().orElse(0)).as("SCRAMBLED weight of a held-out clean report").isLessThan(30);
    }

    private static double reaching(double[] shares, double threshold) {
        return Arrays.stream(shares).filter(v -> v >= threshold).count() / (double) shares.length;
    }

    /**
     * Report prose scrambled is nearly always likely spam; real news scrambled less often (long texts from other fields,
     * where the model is less sure of what reads right), and word salad always asks for a moderator.
     */
    @Test
    void heldOutScrambledReportsAreNearlyAllLikelySpam() {
        int real = CleanReports.of(CleanReports.REAL_NEWS).size();
        int[] scrambled = figures.scrambledWeight();
        int prose = scrambled.length - real;
        long proseFlagged = Arrays.stream(scrambled, 0, prose).filter(w -> w >= 30).count();
        long realFlagged = Arrays.stream(scrambled, prose, scrambled.length).filter(w -> w >= 30).count();
        long broken = Arrays.stream(figures.garbledWeight()).filter(w -> w >= 10).count();

        assertThat(proseFlagged).as("of %d scrambled report prose", prose).isGreaterThanOrEqualTo(Math.round(prose * 0.9));
        assertThat(realFlagged).as("of %d scrambled real news pages", real).isGreaterThanOrEqualTo(Math.round(real * 0.75));
        assertThat(broken).isGreaterThanOrEqualTo(Math.round(figures.garbledWeight().length * 0.95));
    }
}
