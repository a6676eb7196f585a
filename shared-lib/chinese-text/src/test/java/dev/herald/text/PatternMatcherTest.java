package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatternMatcherTest {

    @Test
    void findsEveryOccurrenceOfOverlappingPatternsInOnePass() {
        var matcher = new PatternMatcher(List.of("he", "she", "his", "hers"));

        assertThat(matcher.findAll("ushers")).extracting(PatternMatcher.Match::pattern).containsExactlyInAnyOrder("she", "he", "hers");
        assertThat(matcher.findAll("ushers")).contains(new PatternMatcher.Match(1, 4, "she"), new PatternMatcher.Match(2, 6, "hers"));
    }

    @Test
    void matchesFoldedTextAndReportsSpansInTheOriginal() {
        var matcher = new PatternMatcher(List.of(FoldedText.fold("博彩"), FoldedText.fold("ＡＢ娱乐")));
        FoldedText text = FoldedText.of("欢迎光临博*彩平台,还有 ab 娱 乐!");

        List<PatternMatcher.Match> found = matcher.findAll(text.folded());

        assertThat(found).extracting(PatternMatcher.Match::pattern).containsExactly("博彩", "ab娱乐");
        PatternMatcher.Match first = found.getFirst();
        assertThat(text.original().substring(text.originalStart(first.start()), text.originalEnd(first.end()))).isEqualTo("博*彩");
        PatternMatcher.Match second = found.get(1);
        assertThat(text.original().substring(text.originalStart(second.start()), text.originalEnd(second.end()))).isEqualTo("ab 娱 乐");
    }

    @Test
    void traditionalCharactersMatchASimplifiedTermWithTheSpanOnTheOriginal() {
        var matcher = new PatternMatcher(List.of(FoldedText.fold("澳门葡京"), FoldedText.fold("博彩")));
        FoldedText text = FoldedText.of("歡迎光臨澳門葡京,博綵與博彩一網打盡");

        List<PatternMatcher.Match> found = matcher.findAll(text.folded());

        assertThat(found).extracting(m -> text.original().substring(text.originalStart(m.start()), text.originalEnd(m.end())))
                .containsExactly("澳門葡京", "博綵", "博彩");
    }

    @Test
    void aTraditionalTermInTheLexiconMatchesSimplifiedText() {
        var matcher = new PatternMatcher(List.of(FoldedText.fold("澳門葡京")));

        assertThat(matcher.findAll(FoldedText.fold("欢迎光临澳门葡京"))).hasSize(1);
    }

    @Test
    void anEmptyLexiconFindsNothing() {
        assertThat(new PatternMatcher(List.of()).findAll("任何文本")).isEmpty();
        assertThat(new PatternMatcher(List.of("", "a")).size()).isEqualTo(1);
    }
}
