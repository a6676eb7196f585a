package dev.herald.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyword rule on the cases it was chosen for; how smartcn cuts each text is noted beside it. */
class KeywordTextTest {

    @Test
    void aKeywordMatchesAsAWord() {
        // 疫情|防|控
        assertThat(text("疫情防控").containsKeyword("疫情")).isTrue();
        // 南宁市|中医|医院
        assertThat(text("南宁市中医医院").containsKeyword("中医")).isTrue();
    }

    @Test
    void aKeywordDoesNotMatchAcrossTwoWordsItIsNoPartOf() {
        // 上海|南京路
        assertThat(text("上海南京路").containsKeyword("海南")).isFalse();
        assertThat(text("游览上海南京路步行街").containsKeyword("海南")).isFalse();
    }

    @Test
    void aKeywordMatchesAtTheStartOrEndOfACompoundTheSegmenterKeepsWhole() {
        // 海南省 and 中医药 are one word each
        assertThat(text("海南省卫生健康委员会").containsKeyword("海南")).isTrue();
        assertThat(text("弘扬中医药文化").containsKeyword("中医")).isTrue();
        // 上海|南京路: 南京 begins a word
        assertThat(text("上海南京路").containsKeyword("南京")).isTrue();
    }

    @Test
    void aNameTheSegmenterCutsIntoCharactersStillMatchesWhole() {
        // 胡|海|莺|同志
        assertThat(text("胡海莺同志作报告").containsKeyword("胡海莺")).isTrue();
    }

    @Test
    void aSingleCharacterMatchesOnlyAsAWordOfItsOwn() {
        // 上海|南京路 and 走|进|中|医院
        assertThat(text("上海南京路").containsKeyword("海")).isFalse();
        assertThat(text("走进中医院").containsKeyword("中")).isTrue();
    }

    @Test
    void aKeywordOfFourOrMoreCharactersIsAPhraseAndMatchesWhereverItOccurs() {
        assertThat(KeywordText.PHRASE_LENGTH).isEqualTo(4);
        // 开展|主题|党|日|活动 happens to align; 中|国家|电网|购 does too, which no rule can fix
        assertThat(text("开展主题党日活动").containsKeyword("主题党日")).isTrue();
        // 上海|南京路: the phrase ends inside 南京路, and still counts
        assertThat(text("上海南京路").containsKeyword("上海南京")).isTrue();
        // the three-character one does not: it reaches into 南京路 from a whole word
        assertThat(text("上海南京路").containsKeyword("上海南")).isFalse();
    }

    @Test
    void aLaterOccurrenceCountsWhenAnEarlierOneDoesNot() {
        assertThat(text("上海南京路，海南岛").containsKeyword("海南")).isTrue();
    }

    @Test
    void latinAndDigitKeywordsMustStandAsWholeTokens() {
        assertThat(text("AI said hello").containsKeyword("ai")).isTrue();
        assertThat(text("he said so").containsKeyword("ai")).isFalse();
        assertThat(text("推进AI辅助诊疗").containsKeyword("ai")).isTrue();
        assertThat(text("5G网络").containsKeyword("5g")).isTrue();
        assertThat(text("15G网络").containsKeyword("5g")).isFalse();
        assertThat(text("covid-19疫情").containsKeyword("covid-19")).isTrue();
    }

    @Test
    void aMixedKeywordKeepsBothRulesAtItsEnds() {
        assertThat(text("5G网络建设").containsKeyword("5g网络")).isTrue();
        assertThat(text("45G网络建设").containsKeyword("5g网络")).isFalse();
    }

    @Test
    void aPhraseMatchesExactlyAsWrittenEvenAcrossWords() {
        assertThat(text("上海南京路").containsPhrase("海南")).isTrue();
        assertThat(text("上海南京路").containsPhrase("海南省")).isFalse();
        assertThat(text("he said so").containsPhrase("ai")).isFalse();
    }

    @Test
    void theTextIsNormalisedButTermsAreTakenAsGiven() {
        KeywordText text = text("ＣＯＶＩＤ－１９疫情，南宁\u200B市");

        assertThat(text.normalized()).isEqualTo("covid-19疫情,南宁市");
        assertThat(text.containsKeyword("covid-19")).isTrue();
        assertThat(text.containsKeyword("南宁市")).isTrue();
        assertThat(text.containsKeyword("ＣＯＶＩＤ")).isFalse();
        assertThat(text.containsKeyword("")).isFalse();
    }

    private static KeywordText text(String text) {
        return KeywordText.of(text);
    }
}
