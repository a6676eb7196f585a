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
        assertThat(RULES.spliceBits()).isCloseTo(ScrambleCalibration.percentile(figures.cleanSplice(), 0.995), within(0.5));
        assertThat(RULES.spliceBitsStrong()).isGreaterThan(ScrambleCalibration.max(figures.cleanSplice()))
                .isLessThanOrEqualTo(ScrambleCalibration.max(figures.cleanSplice()) + 1);
        assertThat(RULES.brokenBits()).isCloseTo(ScrambleCalibration.percentile(figures.cleanBits(), 0.90), within(0.5));
    }

    @Test
    void reportThresholdsLeaveAMarginAboveEveryHeldOutCleanReport() {
        assertThat(RULES.splicedShare()).isGreaterThanOrEqualTo(ScrambleCalibration.max(figures.cleanSplicedShare()) + 0.05 - 1e-9);
        assertThat(RULES.brokenShare()).isGreaterThanOrEqualTo(ScrambleCalibration.max(figures.cleanBrokenShare()) + 0.05 - 1e-9);
        assertThat(Arrays.stream(figures.cleanWeight()).max().orElse(0)).as("SCRAMBLED weight of a held-out clean report").isLessThanOrEqualTo(1);
    }

    @Test
    void heldOutScrambledReportsAreNearlyAllLikelySpam() {
        long flagged = Arrays.stream(figures.scrambledWeight()).filter(w -> w >= 30).count();
        long broken = Arrays.stream(figures.garbledWeight()).filter(w -> w >= 10).count();

        assertThat(flagged).as("of %d scrambled reports", figures.scrambledWeight().length)
                .isGreaterThanOrEqualTo(Math.round(figures.scrambledWeight().length * 0.9));
        assertThat(broken).isGreaterThanOrEqualTo(Math.round(figures.garbledWeight().length * 0.95));
    }
}
