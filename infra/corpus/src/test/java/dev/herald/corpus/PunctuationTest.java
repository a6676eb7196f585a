package dev.herald.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PunctuationTest {

    private static String balanced(String text) {
        StringBuilder out = new StringBuilder("前文。\n").append(text);
        Punctuation.balance(out, 4);
        return out.substring(4);
    }

    @Test
    void keepsMarksThatPairUp() {
        assertThat(balanced("发出“让我上”的请战宣言，印发《手册》。")).isEqualTo("发出“让我上”的请战宣言，印发《手册》。");
        assertThat(balanced("《关于〈通知〉的通知》")).isEqualTo("《关于〈通知〉的通知》");
    }

    @Test
    void dropsAClosingMarkThatNothingOpenedAndAnOpeningMarkLeftOpen() {
        assertThat(balanced("值守到底”作了发言，号召“全体党员")).isEqualTo("值守到底作了发言，号召全体党员");
        assertThat(balanced("印发《手册”。")).isEqualTo("印发手册。");
    }

    @Test
    void leavesTheTextBeforeTheParagraphAlone() {
        StringBuilder out = new StringBuilder("“前文\n后文”");
        Punctuation.balance(out, 4);
        assertThat(out.toString()).isEqualTo("“前文\n后文");
    }
}
