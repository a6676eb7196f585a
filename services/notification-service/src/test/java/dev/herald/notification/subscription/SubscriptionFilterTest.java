package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionFilterTest {

    private static final ArticlePublished ARTICLE = article("南宁市中医医院党委", "党建动态",
            "南宁市中医医院开展主题党日活动", "——传承红色基因 践行初心使命", "医院党委组织党员赴革命纪念馆参观。AI said hello.");

    @Test
    void aChannelMatchesWhenItIsAnyOfTheListedOnesExactly() {
        assertThat(filter(List.of("要闻", "党建动态"), List.of(), List.of()).match(ARTICLE))
                .contains(new MatchedBy("党建动态", null, null));
        assertThat(filter(List.of("党建"), List.of(), List.of()).match(ARTICLE)).isEmpty();
    }

    @Test
    void aUnitMatchesWhenItIsAnyOfTheListedOnesExactly() {
        assertThat(filter(List.of(), List.of("南宁市中医医院党委"), List.of()).match(ARTICLE))
                .contains(new MatchedBy(null, "南宁市中医医院党委", null));
        assertThat(filter(List.of(), List.of("南宁市中医医院"), List.of()).match(ARTICLE)).isEmpty();
    }

    @Test
    void keywordsAreLookedForInTitleSubtitleAndBody() {
        assertThat(filter(List.of(), List.of(), List.of("主题党日")).match(ARTICLE).map(MatchedBy::keyword)).contains("主题党日");
        assertThat(filter(List.of(), List.of(), List.of("红色基因")).match(ARTICLE).map(MatchedBy::keyword)).contains("红色基因");
        assertThat(filter(List.of(), List.of(), List.of("纪念馆")).match(ARTICLE).map(MatchedBy::keyword)).contains("纪念馆");
        assertThat(filter(List.of(), List.of(), List.of("乡村振兴", "中医")).match(ARTICLE).map(MatchedBy::keyword)).contains("中医");
        assertThat(filter(List.of(), List.of(), List.of("乡村振兴")).match(ARTICLE)).isEmpty();
    }

    @Test
    void theUnitIsNotSearchedForKeywords() {
        ArticlePublished plain = article("南宁市中医医院党委", "党建动态", "主题党日", null, "组织党员参观。");
        assertThat(filter(List.of(), List.of(), List.of("中医")).match(plain)).isEmpty();
    }

    @Test
    void keywordsMatchWhateverWidthOrCaseTheTextUsesAndLatinOnlyAsWholeWords() {
        assertThat(filter(List.of(), List.of(), List.of("ai")).match(ARTICLE)).isPresent();
        assertThat(filter(List.of(), List.of(), List.of("ＨＥＬＬＯ")).match(ARTICLE)).isPresent();
        assertThat(filter(List.of(), List.of(), List.of("sai")).match(ARTICLE)).isEmpty();
    }

    @Test
    void aKeywordDoesNotMatchAcrossTheEndOfTheTitleAndTheStartOfTheBody() {
        ArticlePublished split = article("某单位", "党建动态", "走进中", null, "医药博物馆");
        assertThat(filter(List.of(), List.of(), List.of("中医")).match(split)).isEmpty();
    }

    @Test
    void everyKindOfCriterionGivenMustHold() {
        var all = filter(List.of("党建动态"), List.of("南宁市中医医院党委"), List.of("主题党日"));
        assertThat(all.match(ARTICLE)).contains(new MatchedBy("党建动态", "南宁市中医医院党委", "主题党日"));
        assertThat(filter(List.of("党建动态"), List.of("别的单位"), List.of("主题党日")).match(ARTICLE)).isEmpty();
        assertThat(filter(List.of("要闻"), List.of("南宁市中医医院党委"), List.of("主题党日")).match(ARTICLE)).isEmpty();
        assertThat(filter(List.of("党建动态"), List.of("南宁市中医医院党委"), List.of("乡村振兴")).match(ARTICLE)).isEmpty();
    }

    @Test
    void aFilterWithoutCriteriaMatchesNothing() {
        assertThat(filter(List.of(), List.of(), List.of()).match(ARTICLE)).isEmpty();
        assertThat(new SubscriptionFilter(null, null, null).hasNoCriteria()).isTrue();
    }

    private static SubscriptionFilter filter(List<String> channels, List<String> units, List<String> keywords) {
        return new SubscriptionFilter(channels, units, keywords);
    }

    private static ArticlePublished article(String unit, String channel, String title, String subtitle, String body) {
        Instant at = Instant.parse("2026-11-20T03:00:00Z");
        return new ArticlePublished(UUID.randomUUID(), at, "rpt-1", 1, unit, channel, title, subtitle, body,
                null, null, null, null, List.of(), "wang.fang", at, List.of());
    }

}
