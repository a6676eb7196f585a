package dev.herald.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordBoundariesTest {

    @Test
    void boundariesFallBetweenTheWordsTheSegmenterFinds() {
        WordBoundaries words = WordBoundaries.of("上海南京路");

        assertThat(words.at(0)).isTrue();
        assertThat(words.at(1)).isFalse();
        assertThat(words.at(2)).isTrue();
        assertThat(words.at(3)).isFalse();
        assertThat(words.at(5)).isTrue();
        assertThat(words.wholeWords(2, 5)).isTrue();
        assertThat(words.wholeWords(1, 3)).isFalse();
    }

    @Test
    void aSpanRunsAcrossWordsWhenABoundaryFallsStrictlyInsideIt() {
        WordBoundaries words = WordBoundaries.of("上海南京路");

        assertThat(words.inside(1, 3)).isTrue();
        assertThat(words.inside(2, 4)).isFalse();
        assertThat(words.inside(0, 2)).isFalse();
    }

    @Test
    void punctuationAndSpacesStandBetweenWords() {
        WordBoundaries words = WordBoundaries.of("疫情,防控 工作");

        assertThat(words.at(2)).isTrue();
        assertThat(words.at(3)).isTrue();
        assertThat(words.at(5)).isTrue();
        assertThat(words.at(6)).isTrue();
    }

    @Test
    void theSameTextIsCutTheSameWayOnEveryCall() {
        String text = "南宁市中医医院开展主题党日活动";
        WordBoundaries first = WordBoundaries.of(text);
        WordBoundaries again = WordBoundaries.of(text);

        for (int i = 0; i <= text.length(); i++) {
            assertThat(again.at(i)).as("position %d", i).isEqualTo(first.at(i));
        }
        assertThat(again.length()).isEqualTo(text.length());
    }

    @Test
    void anEmptyTextHasOneBoundary() {
        assertThat(WordBoundaries.of("").at(0)).isTrue();
    }
}
