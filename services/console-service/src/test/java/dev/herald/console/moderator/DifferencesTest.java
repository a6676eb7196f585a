package dev.herald.console.moderator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DifferencesTest {

    @Test
    void aCharacterChangedInTheMiddleIsTheOnlyPieceMarkedOnEachSide() {
        Differences.Compared compared = Differences.of("南宁市召开党建工作会议", "南宁市举行党建工作会议");

        assertThat(compared.earlier()).containsExactly(new Differences.Piece("南宁市", false), new Differences.Piece("召开", true),
                new Differences.Piece("党建工作会议", false));
        assertThat(compared.later()).containsExactly(new Differences.Piece("南宁市", false), new Differences.Piece("举行", true),
                new Differences.Piece("党建工作会议", false));
        assertThat(compared.same()).isFalse();
    }

    @Test
    void textOnlyOneSideHasIsMarkedOnThatSideAlone() {
        Differences.Compared compared = Differences.of("会议强调，要抓好落实。", "会议强调，要认真抓好落实，确保实效。");

        assertThat(compared.earlier()).noneMatch(Differences.Piece::changed);
        assertThat(compared.later()).filteredOn(Differences.Piece::changed).extracting(Differences.Piece::text)
                .containsExactly("认真", "，确保实效");
    }

    @Test
    void eachSideReadsBackAsItsOwnTextAndTheSameTextIsSame() {
        String earlier = "一二三四五六七八九十";
        String later = "一三四五X六七九十十";
        Differences.Compared compared = Differences.of(earlier, later);

        assertThat(joined(compared.earlier())).isEqualTo(earlier);
        assertThat(joined(compared.later())).isEqualTo(later);
        assertThat(Differences.of(earlier, earlier).same()).isTrue();
        assertThat(Differences.of(null, "新").later()).containsExactly(new Differences.Piece("新", true));
    }

    @Test
    void middlesTooLargeToCompareAreShownAsChangedWhole() {
        String earlier = "甲" + "乙".repeat(2_100) + "丁";
        String later = "甲" + "丙".repeat(2_100) + "丁";

        Differences.Compared compared = Differences.of(earlier, later);

        assertThat(compared.earlier()).containsExactly(new Differences.Piece("甲", false), new Differences.Piece("乙".repeat(2_100), true),
                new Differences.Piece("丁", false));
    }

    private static String joined(List<Differences.Piece> pieces) {
        return String.join("", pieces.stream().map(Differences.Piece::text).toList());
    }
}
