package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraditionalChineseTest {

    @Test
    void foldsTraditionalCharactersToSimplifiedOneForOne() {
        assertThat(TraditionalChinese.toSimplified('國')).isEqualTo('国');
        assertThat(TraditionalChinese.toSimplified('門')).isEqualTo('门');
        assertThat(TraditionalChinese.toSimplified("體育")).isEqualTo("体育");
        assertThat(TraditionalChinese.toSimplified("澳門葡京娛樂場")).isEqualTo("澳门葡京娱乐场");
    }

    @Test
    void leavesSimplifiedChineseLatinDigitsAndPunctuationAlone() {
        String text = "南宁市中医医院党委,ABC abc 2020年。“体育”俱乐部成绩显著,之后";

        assertThat(TraditionalChinese.toSimplified(text)).isEqualTo(text);
        assertThat(TraditionalChinese.toSimplified((String) null)).isNull();
    }

    @Test
    void foldingTwiceGivesWhatFoldingOnceGives() {
        for (char c = 0x3400; c < 0xA000; c++) {
            char once = TraditionalChinese.toSimplified(c);
            assertThat(TraditionalChinese.toSimplified(once)).as("U+%04X", (int) c).isEqualTo(once);
        }
    }

    @Test
    void theShippedTableIsExactlyWhatIcuGenerates() throws IOException {
        Map<Character, Character> icu = TraditionalSimplifiedTableGenerator.table();

        assertThat(shippedTable()).isEqualTo(TraditionalSimplifiedTableGenerator.render(icu));
        assertThat(icu).hasSizeGreaterThan(2500).containsEntry('綵', '彩').containsEntry('葉', '叶');
        icu.forEach((traditional, simplified) ->
                assertThat(TraditionalChinese.toSimplified(traditional)).isEqualTo(simplified));
    }

    private static String shippedTable() throws IOException {
        try (InputStream in = TraditionalChinese.class.getResourceAsStream("traditional-simplified.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
