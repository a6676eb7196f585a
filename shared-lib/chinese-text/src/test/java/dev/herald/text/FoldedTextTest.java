package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTest {

    @Test
    void aTextOfCharactersThatFoldToSeveralOutgrowsItsOriginalAndStillMapsBack() {
        FoldedText text = FoldedText.of("ⅫⅫﬃ");

        assertThat(text.folded()).isEqualTo("xiixiiffi");
        assertThat(text.originalStart(3)).isEqualTo(1);
        assertThat(text.originalEnd(9)).isEqualTo(3);
    }

    /** The remembered per-character folding must be the folding itself, for every character there is. */
    @Test
    void everyCharacterFoldsAsNormalisingItWouldFoldIt() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(FoldedText.fold(one)).as("U+%04X", c).isEqualTo(reference(one).folded);
        }
    }

    @Test
    void mixedTextFoldsAndMapsBackAsNormalisingEachCharacterWould() {
        Random random = new Random(7);
        int[][] ranges = {{0x20, 0x7E}, {0x4E00, 0x4E80}, {0x3000, 0x303F}, {0xFF01, 0xFF5E}, {0x3300, 0x33FF}, {0x1F600, 0x1F64F}, {0x20000, 0x20010}};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 60; k++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            Reference expected = reference(text.toString());
            FoldedText actual = FoldedText.of(text.toString());

            assertThat(actual.folded()).isEqualTo(expected.folded);
            for (int i = 0; i < expected.origin.size(); i++) {
                assertThat(actual.originalStart(i)).isEqualTo(expected.origin.get(i));
            }
        }
    }

    private record Reference(String folded, List<Integer> origin) {
    }

    /** Folding as first written: normalise each code point on its own, simplify, drop filler before and after. */
    private static Reference reference(String text) {
        StringBuilder folded = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (!FoldedText.isFiller(cp)) {
                String f = Normalizer.normalize(text.substring(i, i + width), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                for (char c : f.toCharArray()) {
                    if (!FoldedText.isFiller(c)) {
                        folded.append(TraditionalChinese.toSimplified(c));
                        origin.add(i);
                    }
                }
            }
            i += width;
        }
        return new Reference(folded.toString(), origin);
    }
}
