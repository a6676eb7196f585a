package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTest {

    @Test
    void foldsFullWidthLettersDigitsAndPunctuationToHalfWidth() {
        assertThat(ChineseText.normalize("ＣＯＶＩＤ－１９疫情，２０２３年")).isEqualTo("covid-19疫情,2023年");
    }

    @Test
    void dropsInvisibleCharactersAndCollapsesWhiteSpace() {
        assertThat(ChineseText.normalize("  南宁\u200B市\u3000\u3000中医医院 \n\t党委 ")).isEqualTo("南宁市 中医医院 党委");
    }

    @Test
    void foldsTraditionalCharactersToSimplifiedSoEitherFindsTheOther() {
        assertThat(ChineseText.normalize("澳門 體育中心　開幕")).isEqualTo("澳门 体育中心 开幕");
        assertThat(new KeywordMatcher(List.of("体育")).matchesAny("學校體育節")).isTrue();
        assertThat(new KeywordMatcher(List.of("學校")).matchesAny("学校体育节")).isTrue();
    }

    @Test
    void emptyAndNullBecomeEmpty() {
        assertThat(ChineseText.normalize(null)).isEmpty();
        assertThat(ChineseText.normalize(" \u3000 ")).isEmpty();
    }

    @Test
    void keywordMatchesHanTextWrittenInFullWidthOrWithStraySpaces() {
        var matcher = new KeywordMatcher(List.of("主题党日", "ＡＩ"));

        assertThat(matcher.firstMatch("医院党委开展主题党日活动")).contains("主题党日");
        assertThat(matcher.matchesAny("推进AI辅助诊疗")).isTrue();
    }

    @Test
    void latinKeywordDoesNotMatchInsideAnotherWord() {
        var matcher = new KeywordMatcher(List.of("ai"));

        assertThat(matcher.matchesAny("he said so")).isFalse();
        assertThat(matcher.matchesAny("ai 医疗")).isTrue();
    }

    @Test
    void hanKeywordMatchesAsAWordNotAcrossTwoUnrelatedOnes() {
        var matcher = new KeywordMatcher(List.of("海南", "中医"));

        assertThat(matcher.matchesAny("游览上海南京路")).isFalse();
        assertThat(matcher.firstMatch("南宁市中医医院")).contains("中医");
    }

    @Test
    void blankKeywordsAreIgnored() {
        assertThat(new KeywordMatcher(List.of(" ", "")).matchesAny("任何文本")).isFalse();
    }

    @Test
    void namesWrittenWithDifferentSeparatorsWidthsOrScriptsShareOneKey() {
        assertThat(ChineseText.nameKey("党旗飘扬,战疫情")).isEqualTo(ChineseText.nameKey("党旗飘扬·战疫情"))
                .isEqualTo(ChineseText.nameKey(" 黨旗飄揚　戰疫情 ")).isEqualTo("党旗飘扬战疫情");
        assertThat(ChineseText.nameKey("ＡＢＣ医院(二)")).isEqualTo("abc医院二");
        assertThat(ChineseText.nameKey("党建新闻")).isNotEqualTo(ChineseText.nameKey("党建知识"));
    }
}
