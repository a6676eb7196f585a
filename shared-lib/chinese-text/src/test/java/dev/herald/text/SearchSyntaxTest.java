package dev.herald.text;

import dev.herald.text.SearchSyntax.Part;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSyntaxTest {

    @Test
    void wordsAreSeparatedByWhiteSpace() {
        assertThat(SearchSyntax.parse("  疫情防控\u3000乡村振兴 ").included())
                .containsExactly(new Part("疫情防控", false), new Part("乡村振兴", false));
    }

    @Test
    void quotedPhrasesKeepTheirSpacesAndAnyKindOfDoubleQuoteWorks() {
        assertThat(SearchSyntax.parse("\"主题 党日\" “红色基因” ＂初心＂").included()).containsExactly(
                new Part("主题 党日", true), new Part("红色基因", true), new Part("初心", true));
    }

    @Test
    void aQuoteEndsAWordAndStartsAPhrase() {
        assertThat(SearchSyntax.parse("党建\"红色\"").included())
                .containsExactly(new Part("党建", false), new Part("红色", true));
    }

    @Test
    void aLeadingMinusExcludesAWordOrAPhrase() {
        SearchSyntax syntax = SearchSyntax.parse("疫情 -广告 -\"网上 赌场\"");

        assertThat(syntax.included()).containsExactly(new Part("疫情", false));
        assertThat(syntax.excluded()).containsExactly(new Part("广告", false), new Part("网上 赌场", true));
    }

    @Test
    void aMinusOnItsOwnOrInsideAWordIsJustACharacter() {
        SearchSyntax syntax = SearchSyntax.parse("covid-19 - 疫情");

        assertThat(syntax.included()).containsExactly(new Part("covid-19", false), new Part("-", false),
                new Part("疫情", false));
        assertThat(syntax.excluded()).isEmpty();
    }

    @Test
    void emptyPhrasesAreDropped() {
        assertThat(SearchSyntax.parse("\"\" \"  \" 党建").included()).containsExactly(new Part("党建", false));
    }

    @Test
    void aQuoteLeftOpenIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> SearchSyntax.parse("疫情 \"主题党日"))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("疫情 \"主题党日")
                .hasMessageContaining("has a quote that is not closed")
                .extracting(e -> ((InvalidSearchException) e).problem()).isEqualTo("has a quote that is not closed");
    }

    @Test
    void moreThanThirtyTwoPartsIsAnError() {
        String words = IntStream.range(0, 33).mapToObj(i -> "词" + i).collect(Collectors.joining(" "));

        assertThat(SearchSyntax.parse(words.substring(0, words.lastIndexOf(' '))).included()).hasSize(32);
        assertThatThrownBy(() -> SearchSyntax.parse(words)).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("more than 32 words and phrases");
    }
}
