package dev.herald.notification.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a subscription matches, the same for the index and for the loop over every subscription. */
class MatchingSemanticsTest {

    interface Matchers extends Function<List<SubscriptionCriteria>, Function<ArticleText, List<SubscriptionMatch>>> {
    }

    static Stream<Matchers> matchers() {
        return Stream.of(
                named("index", all -> SubscriptionIndex.of(all)::match),
                named("naive loop", all -> new NaiveMatcher(all)::match),
                named("index built one change at a time", all -> {
                    SubscriptionIndex index = SubscriptionIndex.empty();
                    for (SubscriptionCriteria c : all) {
                        index = index.with(c);
                    }
                    return index::match;
                }));
    }

    private static final ArticleText ARTICLE = new ArticleText("党建动态", "南宁市中医医院党委",
            "南宁市中医医院开展主题党日活动", "——传承红色基因 践行初心使命",
            "医院党委组织党员赴革命纪念馆参观，游览上海南京路。AI said hello.");

    @ParameterizedTest
    @MethodSource("matchers")
    void aChannelOrUnitMatchesWhenItIsAnyOfTheListedOnesExactly(Matchers matchers) {
        var match = matchers.apply(List.of(
                criteria("channel", Set.of("要闻", "党建动态"), Set.of(), List.of(), null),
                criteria("other channel", Set.of("党建"), Set.of(), List.of(), null),
                criteria("unit", Set.of(), Set.of(" 南宁市中医医院党委 "), List.of(), null),
                criteria("shorter unit", Set.of(), Set.of("南宁市中医医院"), List.of(), null)));

        assertThat(match.apply(ARTICLE)).containsExactlyInAnyOrder(
                new SubscriptionMatch("channel", "党建动态", null, null, null),
                new SubscriptionMatch("unit", null, "南宁市中医医院党委", null, null));
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void everyKindGivenMustHoldAndAnyValueWithinAKindWill(Matchers matchers) {
        var match = matchers.apply(List.of(
                criteria("all three", Set.of("党建动态"), Set.of("南宁市中医医院党委"), List.of("乡村振兴", "主题党日"), null),
                criteria("wrong unit", Set.of("党建动态"), Set.of("别的单位"), List.of("主题党日"), null),
                criteria("wrong channel", Set.of("要闻"), Set.of("南宁市中医医院党委"), List.of("主题党日"), null),
                criteria("no keyword", Set.of("党建动态"), Set.of("南宁市中医医院党委"), List.of("乡村振兴"), null)));

        assertThat(match.apply(ARTICLE)).containsExactly(
                new SubscriptionMatch("all three", "党建动态", "南宁市中医医院党委", "主题党日", null));
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void theFirstKeywordListedThatOccursIsTheOneReported(Matchers matchers) {
        var match = matchers.apply(List.of(criteria("s", Set.of(), Set.of(), List.of("乡村振兴", "纪念馆", "中医"), null)));

        assertThat(match.apply(ARTICLE)).extracting(SubscriptionMatch::keyword).containsExactly("纪念馆");
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void keywordsMatchAsWordsAndPhrasesNotInsideUnrelatedWords(Matchers matchers) {
        var match = matchers.apply(List.of(
                keywords("海南", "海南"), keywords("南京", "南京"), keywords("中医", "中医"),
                keywords("红色基因", "红色基因"), keywords("ai", "ai"), keywords("sai", "sai"), keywords("海", "海")));

        assertThat(ids(match.apply(ARTICLE))).containsExactlyInAnyOrder("南京", "中医", "红色基因", "ai");
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void theUnitAndChannelAreNotSearchedForKeywordsNorDoesAKeywordSpanTwoParts(Matchers matchers) {
        var match = matchers.apply(List.of(keywords("中医", "中医"), keywords("党建", "党建")));

        assertThat(match.apply(new ArticleText("党建动态", "南宁市中医医院党委", "走进中", null, "医药博物馆"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void keywordsAndTextMeetWhateverWidthOrCaseEitherIsWrittenIn(Matchers matchers) {
        var match = matchers.apply(List.of(keywords("wide", "ＨＥＬＬＯ"), keywords("covid", "covid-19"),
                keywords("digits", "２０２６年")));

        assertThat(match.apply(new ArticleText(null, null, "Hello", null, "ＣＯＶＩＤ－１９疫情防控，2026年")))
                .containsExactlyInAnyOrder(new SubscriptionMatch("wide", null, null, "hello", null),
                        new SubscriptionMatch("covid", null, null, "covid-19", null),
                        new SubscriptionMatch("digits", null, null, "2026年", null));
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void aSavedQueryNeedsEveryWordAndPhraseItIncludes(Matchers matchers) {
        var match = matchers.apply(List.of(
                query("both words", "纪念馆 主题党日"),
                query("one missing", "纪念馆 乡村振兴"),
                query("word not inside another", "纪念馆 海南"),
                query("quoted across words", "纪念馆 \"海南\""),
                query("quoted not as written", "\"主题 党日\"")));

        assertThat(ids(match.apply(ARTICLE))).containsExactlyInAnyOrder("both words", "quoted across words");
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void aSavedQueryMatchesNothingThatHoldsAWordOrPhraseItExcludes(Matchers matchers) {
        var match = matchers.apply(List.of(
                query("excluded word present", "主题党日 -纪念馆"),
                query("excluded word absent", "主题党日 -乡村振兴"),
                query("excluded phrase present", "主题党日 -\"南京路。ai\""),
                query("excluded word only inside another", "主题党日 -海南"),
                criteria("channel but not", Set.of("党建动态"), Set.of(), List.of(), "-广告")));

        assertThat(match.apply(ARTICLE)).containsExactlyInAnyOrder(
                new SubscriptionMatch("excluded word absent", null, null, null, "主题党日 -乡村振兴"),
                new SubscriptionMatch("excluded word only inside another", null, null, null, "主题党日 -海南"),
                new SubscriptionMatch("channel but not", "党建动态", null, null, "-广告"));
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void aSavedQueryCombinesWithTheOtherCriteria(Matchers matchers) {
        var match = matchers.apply(List.of(
                criteria("unit and query", Set.of(), Set.of("南宁市中医医院党委"), List.of(), "主题党日"),
                criteria("keyword and query", Set.of(), Set.of(), List.of("红色基因"), "纪念馆 -广告"),
                criteria("keyword but not query", Set.of(), Set.of(), List.of("红色基因"), "乡村振兴")));

        assertThat(ids(match.apply(ARTICLE))).containsExactlyInAnyOrder("unit and query", "keyword and query");
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void anArticleWithoutChannelUnitOrTextMatchesOnlyWhatItCan(Matchers matchers) {
        var match = matchers.apply(List.of(keywords("k", "疫情"), criteria("c", Set.of("要闻"), Set.of(), List.of(), null)));

        assertThat(match.apply(new ArticleText(null, null, null, null, null))).isEmpty();
        assertThat(ids(match.apply(new ArticleText("要闻", null, null, null, "疫情")))).containsExactlyInAnyOrder("k", "c");
    }

    private static SubscriptionCriteria criteria(String id, Set<String> channels, Set<String> units, List<String> keywords,
                                                 String query) {
        return new SubscriptionCriteria(id, channels, units, keywords, query);
    }

    private static SubscriptionCriteria keywords(String id, String... keywords) {
        return criteria(id, Set.of(), Set.of(), Arrays.asList(keywords), null);
    }

    private static SubscriptionCriteria query(String id, String query) {
        return criteria(id, Set.of(), Set.of(), List.of(), query);
    }

    private static List<String> ids(List<SubscriptionMatch> matches) {
        return matches.stream().map(SubscriptionMatch::subscriptionId).toList();
    }

    private static Matchers named(String name, Matchers matchers) {
        return new Matchers() {
            @Override
            public Function<ArticleText, List<SubscriptionMatch>> apply(List<SubscriptionCriteria> all) {
                return matchers.apply(all);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
