package dev.herald.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a group of letters a reader typed is read as pinyin, one way of typing it per test. */
class PinyinTest {

    private static final int MAX_SPELLINGS = 4;
    private static final int MAX_INITIALS = 8;

    @Test
    void lettersRunTogetherSplitIntoSyllables() {
        assertThat(spellings("dangqi")).containsExactly(List.of("dang", "qi"));
        assertThat(spellings("piaoyang")).containsExactly(List.of("piao", "yang"));
    }

    @Test
    void aSingleSyllableIsASpellingOfItsOwn() {
        assertThat(spellings("dang")).containsExactly(List.of("dang"));
    }

    @Test
    void lettersThatSplitTwoWaysWithAsFewSyllablesGiveBoth() {
        assertThat(spellings("fangan")).containsExactlyInAnyOrder(List.of("fang", "an"), List.of("fan", "gan"));
    }

    @Test
    void theFewestSyllablesWinSoXianIsOneSyllable() {
        assertThat(spellings("xian")).containsExactly(List.of("xian"));
    }

    @Test
    void anApostropheEndsASyllable() {
        assertThat(spellings("xi'an")).containsExactly(List.of("xi", "an"));
        assertThat(spellings("xi’an")).containsExactly(List.of("xi", "an"));
    }

    @Test
    void toneMarksAreDropped() {
        assertThat(spellings("dǎngqí")).containsExactly(List.of("dang", "qi"));
    }

    @Test
    void toneNumbersAreDroppedAndEndTheirSyllable() {
        assertThat(spellings("dang3qi2")).containsExactly(List.of("dang", "qi"));
        assertThat(spellings("xi1an1")).containsExactly(List.of("xi", "an"));
    }

    @Test
    void uWithDiaeresisIsTheV() {
        assertThat(spellings("lüyou")).containsExactly(List.of("lv", "you"));
        assertThat(spellings("nǚ")).containsExactly(List.of("nv"));
    }

    @Test
    void vStandsForUWithDiaeresis() {
        assertThat(spellings("lvyou")).containsExactly(List.of("lv", "you"));
        assertThat(spellings("nv")).containsExactly(List.of("nv"));
    }

    @Test
    void uColonStandsForUWithDiaeresis() {
        assertThat(spellings("lu:you")).containsExactly(List.of("lv", "you"));
        assertThat(spellings("nu:")).containsExactly(List.of("nv"));
    }

    @Test
    void aDiaeresisAfterJQXOrYIsTheUThoseAreWrittenWith() {
        assertThat(spellings("xüexi")).containsExactly(List.of("xue", "xi"));
        assertThat(spellings("qv")).containsExactly(List.of("qu"));
    }

    @Test
    void capitalsDoNotMatterAndACapitalInsideAWordInLowerCaseStartsASyllable() {
        assertThat(spellings("NanNing")).containsExactly(List.of("nan", "ning"));
        assertThat(spellings("NANNING")).containsExactly(List.of("nan", "ning"));
        assertThat(spellings("XiAn")).containsExactly(List.of("xi", "an"));
    }

    @Test
    void lettersThatAreNoSyllablesAreInitials() {
        assertThat(read("dqpy")).get().extracting(TypedPinyin::initials).isEqualTo(List.of("d", "q", "p", "y"));
        assertThat(read("dq")).get().extracting(TypedPinyin::spellings).isEqualTo(List.of());
    }

    @Test
    void lettersNoSyllableStartsWithAreNeitherSyllablesNorInitials() {
        assertThat(read("covid")).isEmpty();
        assertThat(read("COVID")).isEmpty();
    }

    @Test
    void anAbbreviationInCapitalsIsNotInitials() {
        assertThat(read("CT")).isEmpty();
        assertThat(read("NCP")).isEmpty();
        assertThat(read("ct")).isPresent();
    }

    @Test
    void digitsThatAreNoToneNumbersAreNotPinyin() {
        assertThat(read("5g")).isEmpty();
        assertThat(read("covid19")).isEmpty();
    }

    @Test
    void aGroupLongerThanTheLongestInitialsIsNoInitials() {
        assertThat(read("nnszyyyd")).isPresent();
        assertThat(read("nnszyyydq")).isEmpty();
    }

    @Test
    void fullWidthLettersAreLetters() {
        assertThat(spellings("ｄａｎｇｑｉ")).containsExactly(List.of("dang", "qi"));
    }

    @Test
    void theLettersOfAWordBeingTypedAreSpelledAsTheIndexSpellsThem() {
        assertThat(TypedPinyin.letters("Xi'an")).contains("xian");
        assertThat(TypedPinyin.letters("lü")).contains("lv");
        assertThat(TypedPinyin.letters("nan2ni")).contains("nanni");
        assertThat(TypedPinyin.letters("中医")).isEmpty();
    }

    private static List<List<String>> spellings(String typed) {
        return read(typed).map(TypedPinyin::spellings).orElse(List.of());
    }

    private static Optional<TypedPinyin> read(String typed) {
        return TypedPinyin.read(typed, MAX_SPELLINGS, MAX_INITIALS);
    }
}
